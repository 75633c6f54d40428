/**
 * Recipient groups (Gophish's {@code /api/groups/}) and CSV import ({@code /api/import/group}). Recipients are the
 * organization's people: each distinct address holds one seat while any group of the tenant contains it.
 */
package io.tidewatch.group;
