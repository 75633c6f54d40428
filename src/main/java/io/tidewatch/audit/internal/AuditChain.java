package io.tidewatch.audit.internal;

import java.util.Objects;

import io.tidewatch.platform.Tokens;

/** The canonical text of an entry and the chained hash over it; changing any stored field breaks the chain. */
public final class AuditChain {

    /** The hash every chain starts from. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of {@code entry} (with id {@code id}) chained after {@code previousHash}. */
    public static String hash(long id, AuditEntry entry, String previousHash) {
        String canonical = String.join("\u001f", previousHash, Long.toString(id),
                Long.toString(entry.occurredAt().toEpochMilli()), text(entry.actorId()), text(entry.actorName()),
                text(entry.impersonatorId()), text(entry.impersonatorName()), text(entry.orgId()), entry.action(),
                text(entry.targetType()), text(entry.targetId()), entry.outcome(), text(entry.clientAddress()),
                text(entry.userAgent()), text(entry.details()));
        return Tokens.sha256(canonical);
    }

    private static String text(Object value) {
        return Objects.toString(value, "\u2400");
    }
}
