/** Encryption of stored secrets (sending-profile, IMAP and webhook secrets) with a key from configuration. */
package io.tidewatch.platform.secret;
