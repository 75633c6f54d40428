package io.tidewatch.organization.internal;

/** Where an organization is in its lifecycle; only active ones are visible or usable. */
public enum OrgStatus {
    /** The row exists and its schema is being created; invisible until done. */
    PROVISIONING,
    /** Usable. */
    ACTIVE,
    /** Being exported and dropped; invisible, and a second delete finds nothing. */
    DELETING
}
