package io.tidewatch.landingpage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's page object, fields in Gophish's order. */
@JsonPropertyOrder({ "id", "name", "html", "capture_credentials", "capture_passwords", "redirect_url", "modified_date" })
public record PageView(long id, String name, String html, boolean captureCredentials, boolean capturePasswords,
        String redirectUrl, String modifiedDate) {
}
