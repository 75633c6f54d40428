/**
 * The campaign mailer: finds campaigns with due e-mail through the control schema's mail work, claims due results
 * per tenant ({@code FOR UPDATE SKIP LOCKED}), sends them over pooled SMTP sessions built per sending profile, and
 * records each outcome once. See docs/adr/0005-exactly-once-mailer.md.
 */
package io.tidewatch.mailer;
