/** IMAP reporting settings (Gophish's {@code /api/imap/}): the mailbox employees forward suspected phish to. */
package io.tidewatch.imap;
