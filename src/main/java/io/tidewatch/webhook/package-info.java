/** Webhooks (Gophish's {@code /api/webhooks/}): where campaign events are posted, signed with the webhook's secret. */
package io.tidewatch.webhook;
