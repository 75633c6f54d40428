/**
 * Phishing campaigns: creation and launch with a snapshot of their materials, recipients and their results, the
 * timeline, the Gophish-shaped {@code /api/campaigns} resource, and the services the mailer and the phishing door
 * use to send and to record what recipients do.
 */
package io.tidewatch.campaign;
