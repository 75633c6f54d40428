package io.tidewatch.impersonation.internal;

import java.util.Locale;

/** Why an impersonation ended. */
public enum EndReason {
    /** Someone ended it: the staff member who started it, or an MSSP admin. */
    ENDED,
    /** Its time ran out. */
    EXPIRED,
    /** Its organization was deleted. */
    ORG_DELETED;

    /** The wire and column value: {@code ended}, {@code expired}, {@code org_deleted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
