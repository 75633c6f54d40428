package io.tidewatch.organization;

import java.time.Instant;

/** An organization as the API shows it. */
public record OrganizationView(long id, String name, String slug, int seatCap, long seatsUsed, String supportUrl,
        String host, Instant createdAt) {
}
