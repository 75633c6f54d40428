package io.tidewatch.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tidewatch.account.Caller;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.EnvelopeMappers;
import io.tidewatch.report.internal.PdfBusyException;
import io.tidewatch.tenancy.TenantScoped;

/**
 * {@code /api/reports}: the executive report of one organization, negotiated by {@code Accept} (PDF, JSON or HTML
 * from the same figures), and the MSSP's fleet view.
 */
@Path("/api/reports")
public class ReportResource {

    static final MediaType PDF = new MediaType("application", "pdf");
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON_TYPE, PDF, MediaType.TEXT_HTML_TYPE);
    private static final String PAGE_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final ReportService reports;
    private final TenantAccess access;
    private final Caller caller;
    private final AuditLog audit;

    ReportResource(ReportService reports, TenantAccess access, Caller caller, AuditLog audit) {
        this.reports = reports;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * The executive report. {@code org_id} selects the organization (the tenant filter checks membership); if
     * {@code X-Org-Id} names another one, the request is refused. Viewers see repeat clickers as a count only.
     */
    @GET
    @Path("executive")
    @TenantScoped(msspAdminsRead = true)
    @Produces({ MediaType.APPLICATION_JSON, "application/pdf", MediaType.TEXT_HTML })
    public Response executive(@QueryParam("org_id") String orgId, @QueryParam("from") String from,
            @QueryParam("to") String to, HttpHeaders headers) {
        long tenant = access.orgId();
        if (orgId != null && !orgId.isBlank() && !orgId.trim().equals(Long.toString(tenant))) {
            throw ApiException.forbidden();
        }
        ReportPeriod period = ReportPeriod.parse(from, to, Instant.now());
        MediaType format = negotiate(headers.getAcceptableMediaTypes());
        boolean namesVisible = access.role().atLeast(OrgRole.OPERATOR) || caller.require().role().isStaff();
        ExecutiveReportView report = reports.executive(tenant, period, namesVisible);
        Response response;
        if (format.equals(PDF)) {
            byte[] document;
            try {
                document = reports.pdf(report);
            } catch (PdfBusyException e) {
                return Response.fromResponse(EnvelopeMappers.respond(503,
                        "Too many reports are being rendered right now; try again in a few seconds"))
                        .header("Retry-After", PdfBusyException.RETRY_AFTER_SECONDS).build();
            }
            response = Response.ok(document, PDF)
                    .header("Content-Disposition", "inline; filename=\"" + fileName(report) + "\"").build();
        } else if (format.equals(MediaType.TEXT_HTML_TYPE)) {
            response = Response.ok(reports.html(report), "text/html;charset=UTF-8")
                    .header("Content-Security-Policy", PAGE_POLICY).header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").build();
        } else {
            response = Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        audit.record(AuditEvent.of("report.executive").target("organization", tenant)
                .details("format=" + format.getSubtype() + ", period=" + period.firstDay() + ".." + period.lastDay()));
        return Response.fromResponse(response).header("Cache-Control", "no-store").build();
    }

    /** The fleet view: MSSP admins see every organization, MSSP staff their memberships; others get 403. */
    @GET
    @Path("fleet")
    @Produces(MediaType.APPLICATION_JSON)
    public List<FleetEntryView> fleet() {
        return reports.fleet(caller.require());
    }

    /** The first offered type the client accepts, in the client's order of preference; JSON when it accepts any. */
    static MediaType negotiate(List<MediaType> acceptable) {
        for (MediaType wanted : acceptable) {
            for (MediaType offered : OFFERED) {
                if (wanted.isCompatible(offered)) {
                    return offered;
                }
            }
        }
        throw new ApiException(406, "Accept: must allow application/pdf, application/json or text/html");
    }

    private static String fileName(ExecutiveReportView report) {
        String month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT)
                .format(report.period().to().minusMillis(1).atOffset(ZoneOffset.UTC));
        return "executive-report-" + report.organization().slug() + "-" + month + ".pdf";
    }
}
