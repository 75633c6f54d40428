package io.tidewatch.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.tidewatch.audit.internal.AuditEntry;

/**
 * Audit entries as RFC 4180 CSV, safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe.
 */
final class AuditCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final List<String> HEADER = List.of("id", "time", "actor_id", "actor_name", "impersonator_id",
            "impersonator_name", "org_id", "action", "target_type", "target_id", "outcome", "client_address", "user_agent",
            "details");

    private AuditCsv() {
    }

    static void writeHeader(Writer out) throws IOException {
        writeRow(out, HEADER);
    }

    static void write(Writer out, AuditEntry e) throws IOException {
        writeRow(out, List.of(Long.toString(e.id()), DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()), text(e.actorId()),
                text(e.actorName()), text(e.impersonatorId()), text(e.impersonatorName()), text(e.orgId()), e.action(),
                text(e.targetType()), text(e.targetId()), e.outcome().toLowerCase(Locale.ROOT), text(e.clientAddress()),
                text(e.userAgent()), text(e.details())));
    }

    /** One cell: neutralised against formula injection, then quoted when it holds a separator, quote or line break. */
    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
