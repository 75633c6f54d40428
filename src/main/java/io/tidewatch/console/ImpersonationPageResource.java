package io.tidewatch.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.account.AccountService;
import io.tidewatch.impersonation.ImpersonationService;
import io.tidewatch.impersonation.ImpersonationView;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * Impersonation from the console: an MSSP admin (or staff granted it) states a reason and a duration, and the console
 * then acts in that organization as its admin, holding the impersonation's token in a cookie of its own, until the
 * banner's End button or the expiry. Start and end go through {@link ImpersonationService}, so both are audited in
 * the platform's and the organization's log exactly as through the API.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ImpersonationPageResource {

    /** The durations offered (the service allows 1 to 480 minutes). */
    static final List<DurationOption> DURATIONS = List.of(new DurationOption(15, "15 minutes"),
            new DurationOption(30, "30 minutes"), new DurationOption(60, "1 hour"), new DurationOption(120, "2 hours"),
            new DurationOption(240, "4 hours"), new DurationOption(480, "8 hours"));

    /** A duration in the form's list. */
    public record DurationOption(int minutes, String label) {
    }

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final ImpersonationService impersonations;
    private final OrganizationService organizations;
    private final AccountService accounts;

    ImpersonationPageResource(Session session, Console console, ConsolePages pages,
            ImpersonationService impersonations, OrganizationService organizations, AccountService accounts) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.impersonations = impersonations;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    /** The start form. */
    @CheckedTemplate(basePath = "console/fleet")
    static class Templates {

        static native TemplateInstance impersonate(Shell shell, OrganizationView org, StartForm form,
                List<DurationOption> durations,
                FormErrors errors);
    }

    /** The start form's values. */
    public record StartForm(String reason, int minutes) {
    }

    @GET
    @Path("organizations/{id}/impersonate")
    public Response form(@RestPath long id) {
        session.require();
        requireMayStart();
        return page(organization(id), new StartForm("", 60), FormErrors.none());
    }

    @POST
    @Path("organizations/{id}/impersonate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestPath long id, @RestForm String reason, @RestForm String minutes,
            @RestForm("csrf_token") String csrf) {
        session.require();
        requireMayStart();
        OrganizationView org = organization(id);
        Integer chosen = minutes(minutes);
        StartForm form = new StartForm(reason == null ? "" : reason, chosen == null ? 60 : chosen);
        try {
            pages.verifyCsrf(csrf);
            if (chosen == null) {
                return page(org, form, FormErrors.field("minutes", "Choose one of the durations offered."));
            }
            ImpersonationService.Started started = QuarkusTransaction.requiringNew().call(() -> {
                if (!accounts.holdSessionsOpen(console.self().accountId(), session.require().credentialStamp())) {
                    throw new ApiException(409, "You signed out while starting this impersonation; sign in again.");
                }
                return impersonations.start(console.self(), id, reason, form.minutes());
            });
            console.impersonationCookieHandled();
            Duration left = Duration.between(Instant.now(), started.impersonation().expiresAt());
            return pages.redirect("/console/orgs/" + id,
                    ConsoleCookies.impersonation(started.token(), left, pages.secure()));
        } catch (ApiException e) {
            return page(org, form, FormErrors.of(e, Map.of()));
        }
    }

    @POST
    @Path("impersonation/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.impersonationCookieHandled();
        if (console.impersonation().isPresent()) {
            ImpersonationView running = console.impersonation().get();
            try {
                impersonations.end(running.id(), console.identity());
            } catch (ApiException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
        String next = console.self().role().isStaff() ? "/console/fleet" : "/console";
        return pages.redirect(next, ConsoleCookies.impersonationCleared(pages.secure()));
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private void requireMayStart() {
        if (console.identity().isImpersonating()) {
            throw new ApiException(409, "You are already impersonating " + console.impersonatedOrgName()
                    + ". End that impersonation first.");
        }
        if (!ImpersonationService.mayImpersonate(console.identity())) {
            throw ApiException.forbidden();
        }
    }

    private OrganizationView organization(long id) {
        return organizations.find(id).orElseThrow(() -> ApiException.notFound("Organization not found"));
    }

    private Response page(OrganizationView org, StartForm form, FormErrors errors) {
        Shell shell = pages.shell("Impersonate " + org.name(), "fleet");
        return pages.html(errors.any() ? errors.status() : 200,
                Templates.impersonate(shell, org, form, DURATIONS, errors));
    }

    /** The duration chosen, 60 minutes when the form sent none, or null when it is not one of those offered. */
    private static Integer minutes(String value) {
        if (value == null || value.isBlank()) {
            return 60;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            return DURATIONS.stream().anyMatch(d -> d.minutes() == minutes) ? minutes : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
