package io.tidewatch.testing;

import io.restassured.specification.RequestSpecification;

/** A tenant made for a test: its organization and an org admin (a client account) with its API key. */
public record Tenant(long id, String slug, String host, long adminUserId, String adminKey) {

    /** A request as this tenant's org admin, acting in this tenant. */
    public RequestSpecification asAdmin() {
        return Api.as(adminKey, id);
    }
}
