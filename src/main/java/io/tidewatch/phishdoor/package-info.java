/**
 * The phishing door: a Vert.x HTTP listener of its own (port {@code tidewatch.phish.port}) serving landing pages,
 * the tracking pixel, reports, robots.txt and the transparency answer, and nothing of the admin API. A rid resolves
 * through a small cache to one tenant; events are queued in memory and written in batches off the event loop.
 */
package io.tidewatch.phishdoor;
