/**
 * Sending profiles (Gophish's {@code /api/smtp/}), the SMTP transport built per profile, and
 * {@code /api/util/send_test_email}.
 */
package io.tidewatch.sendingprofile;
