package io.tidewatch.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.branding.Brand;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.impersonation.ImpersonationView;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.ClientInfo;
import io.tidewatch.session.CsrfTokens;

/**
 * How console pages answer: the frame ({@link Shell}) in the brand of the organization the page acts in (or of the
 * host), HTML that is never cached or framed and runs only the console's own script, redirects that stay on the
 * host, the CSRF token of the page's forms, and the error page.
 */
@ApplicationScoped
public class ConsolePages {

    /** Pages load scripts, styles and images from this site only (plus the brand's inline colours). */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Console console;
    private final CsrfTokens csrf;
    private final ClientInfo client;
    private final BrandingService branding;
    private final MembershipService memberships;
    private final OrganizationService organizations;

    ConsolePages(Console console, CsrfTokens csrf, ClientInfo client, BrandingService branding,
            MembershipService memberships, OrganizationService organizations) {
        this.console = console;
        this.csrf = csrf;
        this.client = client;
        this.branding = branding;
        this.memberships = memberships;
        this.organizations = organizations;
    }

    /** The error page. */
    @CheckedTemplate(basePath = "console")
    static class Templates {

        static native TemplateInstance error(Shell shell, int status, String heading, String message);
    }

    /** The frame of a page titled {@code title}, in the section {@code section} of the navigation. */
    public Shell shell(String title, String section) {
        Optional<Long> orgId = console.orgId();
        List<Shell.OrgLink> orgs = switcher(orgId);
        Shell.OrgLink current = orgs.stream().filter(Shell.OrgLink::current).findFirst().orElse(null);
        Shell.Banner banner = console.impersonation().map(this::banner).orElse(null);
        return new Shell(brand(), title, console.account().username(), roleLabel(), console.isMsspAdmin(),
                console.isStaff(), orgs, current, ConsoleNav.organization(console, section), ConsoleNav.mssp(console, section),
                banner, console.isImpersonationEnded(), csrfToken());
    }

    /** The brand the page shows: its organization's, else the impersonated one's, else the host's. */
    Brand brand() {
        Optional<Long> orgId = console.orgId();
        if (orgId.isEmpty() && console.identity() != null && console.identity().isImpersonating()) {
            orgId = Optional.of(console.identity().impersonatedOrgId());
        }
        return orgId.map(branding::brandOf).orElseGet(() -> branding.brandForHost(client.host()));
    }

    /** The CSRF token for this page's forms (minting the browser's CSRF cookie on first use). */
    public String csrfToken() {
        if (console.csrf() == null) {
            console.csrf(csrf.grant(console.csrfCookie(), client.isSecure()));
        }
        return console.csrf().token();
    }

    /** Refuses a form post whose CSRF token does not match the browser's cookie. */
    public void verifyCsrf(String token) {
        if (!csrf.verify(console.csrfCookie(), token)) {
            throw new ApiException(403, "This form had expired. Check what you entered and submit it again.");
        }
    }

    /** A page with its status and the headers that keep it private. */
    public Response html(int status, TemplateInstance page) {
        Response.ResponseBuilder response = Response.status(status).type("text/html;charset=UTF-8").entity(page.render());
        if (console.csrf() != null) {
            console.csrf().cookie().ifPresent(response::cookie);
        }
        return secured(response).build();
    }

    /** A 303 to a local path, with any cookies to set. */
    public Response redirect(String path, NewCookie... cookies) {
        Response.ResponseBuilder response = Response.status(303).header("Location", path);
        for (NewCookie cookie : cookies) {
            response.cookie(cookie);
        }
        return secured(response).build();
    }

    /** The error page for a refusal, in the console's frame when someone is signed in. */
    public Response error(ApiException e) {
        if (console.account() == null) {
            return redirect("/login");
        }
        String heading = switch (e.status()) {
            case 400 -> "This request could not be completed";
            case 402 -> "The seat cap is reached";
            case 403 -> "You do not have access to this page";
            case 404 -> "Not found";
            case 409 -> "This conflicts with the current state";
            case 503 -> "Temporarily unavailable";
            default -> "Something went wrong";
        };
        String message = e.status() == 403 ? forbiddenHint() : e.getMessage();
        Log.debugf("Console page refused with %d", e.status());
        return html(e.status(), Templates.error(shell(heading, null), e.status(), heading, message));
    }

    /** True when the browser reached us over HTTPS. */
    public boolean secure() {
        return client.isSecure();
    }

    /** The fixed message for a {@code ?done=} code, or null for none or an unknown one (never the code itself). */
    public static String notice(Map<String, String> notices, String code) {
        return code == null ? null : notices.get(code);
    }

    /** Percent-encodes a query parameter value. */
    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private String forbiddenHint() {
        if (console.identity() != null && console.identity().isImpersonating()) {
            return "While you impersonate " + console.impersonatedOrgName() + ", the console acts in that organization"
                    + " only. End the impersonation to go anywhere else.";
        }
        if (console.isStaff()) {
            return "You are not a member of this organization, or your role there does not allow this. MSSP admins"
                    + " can impersonate an organization from the fleet view.";
        }
        return "Your role does not allow this. Ask an administrator of your organization.";
    }

    private List<Shell.OrgLink> switcher(Optional<Long> current) {
        List<Long> ids = console.identity().isImpersonating() ? List.of(console.identity().impersonatedOrgId())
                : memberships.activeOrgIds(console.identity().accountId());
        List<Shell.OrgLink> links = new ArrayList<>();
        for (OrganizationView org : organizations.list(Optional.of(ids))) {
            links.add(new Shell.OrgLink(org.id(), org.name(), current.map(id -> id == org.id()).orElse(false)));
        }
        return links;
    }

    private String roleLabel() {
        if (console.identity().isImpersonating()) {
            return "Impersonating as admin";
        }
        if (console.orgId().isPresent()) {
            return label(console.role());
        }
        return switch (console.identity().role()) {
            case MSSP_ADMIN -> "MSSP admin";
            case MSSP_STAFF -> "MSSP staff";
            case CLIENT -> "Member";
        };
    }

    static String label(OrgRole role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case OPERATOR -> "Operator";
            case VIEWER -> "Viewer";
            case LEARNER -> "Learner";
        };
    }

    private Shell.Banner banner(ImpersonationView view) {
        long minutes = Math.max(0, (Duration.between(Instant.now(), view.expiresAt()).toSeconds() + 59) / 60);
        return new Shell.Banner(view.id(), console.impersonatedOrgName(), view.reason(), minutes,
                HOUR.format(view.expiresAt()));
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}
