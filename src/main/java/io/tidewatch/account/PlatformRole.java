package io.tidewatch.account;

import java.util.Locale;
import java.util.Optional;

/** An account's role on the platform itself, independent of any organization. */
public enum PlatformRole {
    /** Creates organizations, manages staff, may impersonate. */
    MSSP_ADMIN,
    /** Works in the organizations it is a member of; may impersonate when granted. */
    MSSP_STAFF,
    /** A client organization's person: belongs to exactly one organization. */
    CLIENT;

    /** The wire name: {@code mssp_admin}, {@code mssp_staff}, {@code client}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static Optional<PlatformRole> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (PlatformRole role : values()) {
            if (role.wireName().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** True for MSSP admins and staff, whose memberships never take a client seat. */
    public boolean isStaff() {
        return this != CLIENT;
    }
}
