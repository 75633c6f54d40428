/**
 * Signing in to the web pages: the login page by host (branded per tenant), local-account sign-in with CSRF
 * protection and rate limits, the signed session cookie and the request's {@link io.tidewatch.session.Session},
 * password change, and invitations (e-mail with a signed, single-use link to set a password).
 */
package io.tidewatch.session;
