package io.tidewatch.session;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.branding.Brand;

/**
 * The pages of this capability (Qute, under {@code templates/session/}) and how every page answers: HTML that is
 * never cached, may not be framed, loads nothing from elsewhere, and posts its forms only here.
 */
final class Pages {

    /** Pages load their images from this site and their inline styles; forms post back here only. */
    static final String POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Pages() {
    }

    /** The page templates; each takes the brand of the host (or organization) it is shown for. */
    @CheckedTemplate(basePath = "session")
    static class Templates {

        static native TemplateInstance login(Brand brand, LoginForm form);

        static native TemplateInstance changePassword(Brand brand, PasswordForm form);

        static native TemplateInstance invitation(Brand brand, InvitationForm form);

        static native TemplateInstance message(Brand brand, String title, String text);
    }

    /** The login form's state. */
    record LoginForm(String csrf, String next, String username, String error) {
    }

    /** The change-password form's state. */
    record PasswordForm(String csrf, String next, String username, boolean required, String error) {
    }

    /** The set-password form reached from an invitation. */
    record InvitationForm(String csrf, String token, String username, String organization, String error) {
    }

    /** A page with a status, headers that keep it private, and any cookies to set. */
    static Response html(int status, TemplateInstance page, NewCookie... cookies) {
        Response.ResponseBuilder response = Response.status(status).type("text/html;charset=UTF-8").entity(page.render());
        for (NewCookie cookie : cookies) {
            if (cookie != null) {
                response.cookie(cookie);
            }
        }
        return secured(response).build();
    }

    /** A 303 to a local path (kept relative, so it stays on the host the browser used). */
    static Response redirect(String path, NewCookie... cookies) {
        Response.ResponseBuilder response = Response.status(303).header("Location", path);
        for (NewCookie cookie : cookies) {
            if (cookie != null) {
                response.cookie(cookie);
            }
        }
        return secured(response).build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
