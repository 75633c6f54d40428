package io.tidewatch.campaign;

import java.time.Instant;

/** One recipient claimed for sending by this instance: who to send to, and how many attempts went before. */
public record ClaimedMessage(long resultId, String rid, String email, String firstName, String lastName,
        String position, int attempts, Instant claimedAt) {
}
