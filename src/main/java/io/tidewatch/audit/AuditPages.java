package io.tidewatch.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tidewatch.audit.internal.AuditEntry;
import io.tidewatch.audit.internal.AuditFilter;
import io.tidewatch.audit.internal.AuditReader;
import io.tidewatch.audit.internal.AuditVerification;

/** Serves one log (a tenant's or the platform's) as a JSON page, a CSV export or a chain verification. */
@ApplicationScoped
class AuditPages {

    /** Entries read per query while streaming a CSV export. */
    static final int EXPORT_BATCH = 1000;

    private final AuditReader reader;

    AuditPages(AuditReader reader) {
        this.reader = reader;
    }

    /** JSON, or CSV when the client's {@code Accept} prefers {@code text/csv}. */
    Response list(String schema, AuditQuery query, HttpHeaders headers, String fileName) {
        if (prefersCsv(headers)) {
            return csv(schema, query, fileName);
        }
        return Response.ok(page(schema, query), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** One page, newest first, with the cursor of the next page when there is one. */
    AuditPageJson page(String schema, AuditQuery query) {
        Slice slice = slice(schema, query.filter(), query.pageSize());
        return new AuditPageJson(slice.rows().stream().map(AuditEntryJson::of).toList(), slice.nextCursor());
    }

    /** A CSV export: every matching entry, or one page with {@code X-Next-Cursor} when a limit was given. */
    Response csv(String schema, AuditQuery query, String fileName) {
        Response.ResponseBuilder response;
        if (query.limit() != null) {
            Slice slice = slice(schema, query.filter(), query.limit());
            response = Response.ok(stream(slice.rows()));
            if (slice.nextCursor() != null) {
                response.header("X-Next-Cursor", slice.nextCursor());
            }
        } else {
            response = Response.ok(streamAll(schema, query.filter()));
        }
        return response.type(AuditCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** Recomputes the log's chain. */
    AuditVerificationJson verify(String schema) {
        AuditVerification result = reader.verify(schema);
        return new AuditVerificationJson(result.checked(), result.valid(), result.firstBrokenId());
    }

    private Slice slice(String schema, AuditFilter filter, int size) {
        List<AuditEntry> found = reader.list(schema, filter, size + 1);
        if (found.size() <= size) {
            return new Slice(found, null);
        }
        List<AuditEntry> rows = found.subList(0, size);
        return new Slice(rows, Long.toString(rows.get(size - 1).id()));
    }

    private StreamingOutput stream(List<AuditEntry> rows) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditCsv.writeHeader(writer);
            for (AuditEntry entry : rows) {
                AuditCsv.write(writer, entry);
            }
            writer.flush();
        };
    }

    private StreamingOutput streamAll(String schema, AuditFilter filter) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            AuditCsv.writeHeader(writer);
            AuditFilter next = filter;
            List<AuditEntry> batch;
            do {
                batch = reader.list(schema, next, EXPORT_BATCH);
                for (AuditEntry entry : batch) {
                    AuditCsv.write(writer, entry);
                }
                if (!batch.isEmpty()) {
                    next = next.before(batch.get(batch.size() - 1).id());
                }
            } while (batch.size() == EXPORT_BATCH);
            writer.flush();
        };
    }

    /** True when {@code text/csv} comes before JSON in the client's preferences; a bare wildcard means JSON. */
    static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("text".equalsIgnoreCase(type.getType())
                    && (type.isWildcardSubtype() || "csv".equalsIgnoreCase(type.getSubtype()))) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** Entries of one page and the cursor after them. */
    private record Slice(List<AuditEntry> rows, String nextCursor) {
    }

    /** A page of entries and the cursor of the next page (null on the last page). */
    @RegisterForReflection
    record AuditPageJson(List<AuditEntryJson> entries, String nextCursor) {
    }

    /** One entry on the wire; {@code time} is UTC, {@code outcome} is {@code success}, {@code denied} or {@code failure}. */
    @RegisterForReflection
    record AuditEntryJson(long id, Instant time, Long actorId, String actorName, Long impersonatorId,
            String impersonatorName, Long orgId, String action, String targetType, String targetId, String outcome,
            String clientAddress, String userAgent, String details) {

        static AuditEntryJson of(AuditEntry e) {
            return new AuditEntryJson(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.impersonatorId(),
                    e.impersonatorName(), e.orgId(), e.action(), e.targetType(), e.targetId(),
                    e.outcome().toLowerCase(Locale.ROOT), e.clientAddress(), e.userAgent(), e.details());
        }
    }

    /** The verification result on the wire. */
    record AuditVerificationJson(long checked, boolean valid, Long firstBrokenId) {
    }
}
