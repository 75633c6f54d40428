package io.tidewatch.webhook;

import java.util.Map;

import io.tidewatch.testing.Tenant;

/** Creates webhooks through the API for tests. */
final class WebhookApiTestSupport {

    private WebhookApiTestSupport() {
    }

    /** Creates a webhook of {@code tenant} and returns its id. */
    static long create(Tenant tenant, String url, boolean active) {
        Map<String, Object> body = WebhookApiTest.webhook(url);
        body.put("is_active", active);
        return tenant.asAdmin().body(body).post("/api/webhooks/").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }
}
