package io.tidewatch.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.tidewatch.tenancy.TenantSchemas;

/**
 * An organization's audit log for other capabilities (the console): a filtered page of entries newest first, and the
 * CSV export, with the same filters, checks and 400 messages as {@code GET /api/audit}. The caller has already
 * checked that its user may read the organization's log.
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditPages pages;

    AuditTrail(AuditPages pages) {
        this.pages = pages;
    }

    /** Which entries: each part optional, as the API's query parameters ({@code since}/{@code until} RFC 3339). */
    public record Search(String action, String actor, String since, String until, String cursor) {
    }

    /** One entry; {@code outcome} is {@code success}, {@code denied} or {@code failure}. */
    public record Entry(long id, Instant time, Long actorId, String actorName, Long impersonatorId,
            String impersonatorName, String action, String targetType, String targetId, String outcome,
            String clientAddress, String details) {
    }

    /** A page of entries and the cursor of the next page (null on the last page). */
    public record Page(List<Entry> entries, String nextCursor) {
    }

    /** At most {@code size} matching entries of the organization's log, newest first; 400 naming a bad filter. */
    public Page page(long orgId, Search search, int size) {
        AuditQuery query = AuditQuery.parse(search.action(), search.actor(), search.since(), search.until(),
                search.cursor(), Integer.toString(size));
        AuditPages.AuditPageJson page = pages.page(TenantSchemas.of(orgId), query);
        return new Page(page.entries().stream().map(AuditTrail::entry).toList(), page.nextCursor());
    }

    /** Every matching entry of the organization's log as a CSV download (the API's format and file name). */
    public Response csv(long orgId, Search search) {
        AuditQuery query = AuditQuery.parse(search.action(), search.actor(), search.since(), search.until(), null, null);
        return pages.csv(TenantSchemas.of(orgId), query, AuditResource.fileName(orgId));
    }

    private static Entry entry(AuditPages.AuditEntryJson e) {
        return new Entry(e.id(), e.time(), e.actorId(), e.actorName(), e.impersonatorId(), e.impersonatorName(),
                e.action(), e.targetType(), e.targetId(), e.outcome().toLowerCase(Locale.ROOT), e.clientAddress(),
                e.details());
    }
}
