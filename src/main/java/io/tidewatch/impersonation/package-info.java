/**
 * Impersonation: an MSSP admin or granted staff member acts as an organization's admin for a bounded time, with a
 * stated reason, through a signed token; the start, every change made with it and the end are audited in both the
 * platform's and the organization's log.
 */
package io.tidewatch.impersonation;
