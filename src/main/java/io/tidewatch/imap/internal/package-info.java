/** IMAP settings entity and repository; only the IMAP capability uses them. */
package io.tidewatch.imap.internal;
