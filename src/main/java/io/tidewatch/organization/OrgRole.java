package io.tidewatch.organization;

import java.util.Locale;
import java.util.Optional;

/** A member's role inside one organization, from most to least privileged. */
public enum OrgRole {
    /** Members, branding, SSO, SCIM, API keys, sending profiles, and all an operator does. */
    ADMIN,
    /** Campaigns, templates, landing pages, groups, training, reports. */
    OPERATOR,
    /** Reads results, reports, training progress and the audit log. */
    VIEWER,
    /** The learner portal only. */
    LEARNER;

    /** The wire name: {@code admin}, {@code operator}, {@code viewer}, {@code learner}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role includes everything {@code other} may do. */
    public boolean atLeast(OrgRole other) {
        return ordinal() <= other.ordinal();
    }

    /** Parses a wire name, case-insensitively. */
    public static Optional<OrgRole> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (OrgRole role : values()) {
            if (role.wireName().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
