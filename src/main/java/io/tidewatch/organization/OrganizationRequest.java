package io.tidewatch.organization;

/** The body of {@code POST} and {@code PUT /api/organizations/}; validated by {@link OrganizationValidator}. */
public record OrganizationRequest(String name, String slug, Integer seatCap, String supportUrl, String host) {
}
