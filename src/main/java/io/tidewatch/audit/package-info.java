/**
 * The audit log: one call records who did what to which target, in the organization's own log or the platform's,
 * hash-chained so that any later edit of a stored entry is detectable.
 */
package io.tidewatch.audit;
