package io.tidewatch.session;

/** Thrown by {@link Session#require()} on a page without a session; answered with a redirect to the login page. */
public class SignInRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
