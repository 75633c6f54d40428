/**
 * The web console: server-rendered, branded pages for MSSP staff and client admins on the admin door, outside
 * {@code /api}. Pages call the capabilities' services with the same identity, tenant rules, permissions and audit as
 * the API; forms are CSRF-protected and destructive actions are confirmed.
 */
package io.tidewatch.console;
