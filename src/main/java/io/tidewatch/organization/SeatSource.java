package io.tidewatch.organization;

/** Why a person holds a seat; one person counts once whatever the number of reasons. */
public enum SeatSource {
    /** A client account that is a member (console user or learner). */
    MEMBER,
    /** A recipient imported into a group. */
    RECIPIENT,
    /** A user provisioned by SCIM. */
    SCIM,
    /** A user created just in time at SSO sign-in. */
    SSO
}
