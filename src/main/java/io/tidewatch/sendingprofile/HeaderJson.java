package io.tidewatch.sendingprofile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's custom header: {@code key} and {@code value}. */
@JsonPropertyOrder({ "key", "value" })
public record HeaderJson(String key, String value) {
}
