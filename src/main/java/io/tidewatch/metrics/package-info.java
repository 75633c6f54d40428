/**
 * Application metrics for Prometheus at {@code /q/metrics}: campaign e-mail outcomes, tracking events and the mail
 * queue depth. Series are labelled by organization id at most, never by a name or an address.
 */
package io.tidewatch.metrics;
