package io.tidewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's session in the console, without a browser: signs in through the login form (as a client of its own,
 * through the trusted test proxy) and then loads pages and posts their forms with the session and CSRF cookies and
 * the token from the page, never following redirects.
 */
public final class ConsoleSession {

    /** The test profile's MSSP admin. */
    public static final String ADMIN = "admin";

    /** The test profile's MSSP admin password. */
    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** The password of accounts made by {@link Fixtures}. */
    public static final String PASSWORD = "correct-horse-battery";

    private final String host;
    private final String address;
    private final String session;
    private final String csrfCookie;
    private final Map<String, String> extra = new HashMap<>();

    private ConsoleSession(String host, String address, String session, String csrfCookie) {
        this.host = host;
        this.address = address;
        this.session = session;
        this.csrfCookie = csrfCookie;
    }

    /** Signs in at {@code host}. */
    public static ConsoleSession signIn(String host, String username, String password) {
        String address = Browser.uniqueClientAddress();
        Browser.Form form = Browser.form(Browser.viaProxy(host, address), "/login");
        Response response = form.withCookie(Browser.viaProxy(host, address)).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("csrf_token", form.token())
                .post("/login");
        assertThat(response.statusCode()).as("sign-in of %s", username).isEqualTo(303);
        return new ConsoleSession(host, address, response.getCookie("tidewatch_session"), form.csrfCookie());
    }

    /** The MSSP admin, signed in on the MSSP's own host. */
    public static ConsoleSession admin() {
        return signIn("sat.example-mssp.test", ADMIN, ADMIN_PASSWORD);
    }

    /** A request carrying this browser's cookies. */
    public RequestSpecification request() {
        RequestSpecification request = Browser.viaProxy(host, address).cookie("tidewatch_session", session)
                .cookie("tidewatch_csrf", csrfCookie);
        for (Map.Entry<String, String> cookie : extra.entrySet()) {
            request = request.cookie(cookie.getKey(), cookie.getValue());
        }
        return request;
    }

    /** Keeps (or drops, when cleared) the impersonation cookie a response sets, as a browser would. */
    private Response absorb(Response response) {
        io.restassured.http.Cookie cookie = response.detailedCookies().get("tidewatch_impersonation");
        if (cookie != null) {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                extra.remove("tidewatch_impersonation");
            } else {
                extra.put("tidewatch_impersonation", cookie.getValue());
            }
        }
        return response;
    }

    /** The impersonation cookie this browser holds, if any. */
    public String impersonationCookie() {
        return extra.get("tidewatch_impersonation");
    }

    /** Loads a page. */
    public Response get(String path) {
        return absorb(request().get(path));
    }

    /** Loads {@code pagePath} for its CSRF token, then posts {@code fields} to {@code action}. */
    public Response post(String pagePath, String action, Map<String, String> fields) {
        Response page = get(pagePath);
        assertThat(page.statusCode()).as("GET %s", pagePath).isEqualTo(200);
        return postWithToken(action, Browser.csrfToken(page.asString()), fields);
    }

    /** Posts {@code fields} with an explicit CSRF token. */
    public Response postWithToken(String action, String token, Map<String, String> fields) {
        RequestSpecification post = request().contentType("application/x-www-form-urlencoded");
        if (token != null) {
            post = post.formParam("csrf_token", token);
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            post = post.formParam(field.getKey(), field.getValue());
        }
        return absorb(post.post(action));
    }
}
