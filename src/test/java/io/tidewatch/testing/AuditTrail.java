package io.tidewatch.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.restassured.specification.RequestSpecification;

/** Reads audit logs through {@code GET /api/audit}, as tests assert what was recorded. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** The newest entries (up to 1,000) of the log the request acts in, matching the query parameters. */
    public static List<Map<String, Object>> entries(RequestSpecification as, Map<String, ?> params) {
        return as.queryParams(params).queryParam("limit", 1000).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
    }

    /** The newest entries (up to 1,000) of the platform log matching the query parameters, read by the MSSP admin. */
    public static List<Map<String, Object>> platform(Map<String, ?> params) {
        return entries(Api.asAdmin().queryParam("scope", "platform"), params);
    }

    /** The entries whose target is {@code type} {@code id}. */
    public static List<Map<String, Object>> about(List<Map<String, Object>> entries, String type, Object id) {
        return entries.stream()
                .filter(e -> type.equals(e.get("target_type")) && Objects.equals(String.valueOf(id), e.get("target_id")))
                .toList();
    }

    /** The one entry with this action about {@code type} {@code id}; fails unless there is exactly one. */
    public static Map<String, Object> single(List<Map<String, Object>> entries, String action, String type, Object id) {
        List<Map<String, Object>> found = about(entries, type, id).stream().filter(e -> action.equals(e.get("action")))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + action + " entry about " + type + " " + id + ", found " + found);
        }
        return found.get(0);
    }
}
