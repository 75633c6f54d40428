/** Webhook entities and repositories; only the webhook capability uses them. */
package io.tidewatch.webhook.internal;
