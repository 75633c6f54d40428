/**
 * White-label branding: each organization's colours, logo, favicon, e-mail sender name and support address; the
 * public logo and favicon views that pages load before sign-in; and the branded sending of platform e-mail.
 */
package io.tidewatch.branding;
