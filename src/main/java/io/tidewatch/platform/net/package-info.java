/**
 * Outbound connections the API can be asked to open (site import, webhooks, SMTP, IMAP): the address guard, sockets
 * pinned to a checked address, and a small HTTP client that re-checks every redirect.
 */
package io.tidewatch.platform.net;
