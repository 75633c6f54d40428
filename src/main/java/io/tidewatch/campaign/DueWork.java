package io.tidewatch.campaign;

import java.time.Instant;

/** A campaign with e-mail due (or claims to settle), from the control schema's mail work table. */
public record DueWork(long orgId, long campaignId, Instant nextDue) {
}
