package io.tidewatch.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.audit.AuditTrail;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}/audit}: the organization's audit log for its viewers and above, filtered by action, actor
 * and dates, newest first, a page at a time, with a CSV export of everything the filters match.
 */
@Path("/console/orgs/{orgId}")
@Produces(MediaType.TEXT_HTML)
public class AuditPageResource {

    static final int PAGE_SIZE = 50;

    /** Action prefixes offered as suggestions in the filter. */
    static final List<String> ACTIONS = List.of("auth.login", "member", "member.add", "member.remove", "branding",
            "impersonate", "organization", "seat.cap_rejected", "account");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final AuditTrail audit;

    AuditPageResource(Session session, Console console, ConsolePages pages, AuditTrail audit) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.audit = audit;
    }

    /** The audit log page. */
    @CheckedTemplate(basePath = "console/audit")
    static class Templates {

        static native TemplateInstance audit(Shell shell, long orgId, Filters filters, List<AuditTrail.Entry> entries,
                String next, String csv, FormErrors errors, List<String> actions);
    }

    /** The filters as typed; dates are {@code YYYY-MM-DD}, in UTC. */
    public record Filters(String action, String actor, String since, String until) {

        /** The query string of these filters, for paging and export links. */
        public String query() {
            List<String> parts = new ArrayList<>();
            add(parts, "action", action);
            add(parts, "actor", actor);
            add(parts, "since", since);
            add(parts, "until", until);
            return String.join("&", parts);
        }

        /** True when any filter is set. */
        public boolean any() {
            return !query().isEmpty();
        }

        AuditTrail.Search search(String cursor) {
            return new AuditTrail.Search(action, actor, day(since, "since", false), day(until, "until", true), cursor);
        }

        private static void add(List<String> parts, String name, String value) {
            if (value != null && !value.isBlank()) {
                parts.add(name + "=" + ConsolePages.encode(value.trim()));
            }
        }

        private static String day(String value, String field, boolean endOfDay) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value.trim());
                return endOfDay ? date + "T23:59:59.999Z" : date + "T00:00:00Z";
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field + ": enter a date as YYYY-MM-DD");
            }
        }
    }

    @GET
    @Path("audit")
    public Response page(@RestPath long orgId, @RestQuery String action, @RestQuery String actor,
            @RestQuery String since, @RestQuery String until, @RestQuery String cursor) {
        session.require();
        console.require(OrgRole.VIEWER);
        Filters filters = new Filters(action, actor, since, until);
        Shell shell = pages.shell("Audit log", "audit");
        String base = "/console/orgs/" + orgId + "/audit";
        String csv = base + ".csv" + (filters.any() ? "?" + filters.query() : "");
        try {
            AuditTrail.Page page = audit.page(orgId, filters.search(cursor), PAGE_SIZE);
            String next = page.nextCursor() == null ? null
                    : base + "?" + (filters.any() ? filters.query() + "&" : "") + "cursor=" + page.nextCursor();
            return pages.html(200, Templates.audit(shell, orgId, filters, page.entries(), next, csv, FormErrors.none(),
                    ACTIONS));
        } catch (ApiException e) {
            return pages.html(400,
                    Templates.audit(shell, orgId, filters, List.of(), null, csv, FormErrors.of(e, java.util.Map.of()),
                            ACTIONS));
        }
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response csv(@RestPath long orgId, @RestQuery String action, @RestQuery String actor,
            @RestQuery String since, @RestQuery String until) {
        session.require();
        console.require(OrgRole.VIEWER);
        return audit.csv(orgId, new Filters(action, actor, since, until).search(null));
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }
}
