package io.tidewatch.group;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's target: {@code email}, {@code first_name}, {@code last_name}, {@code position} (no id). */
@JsonPropertyOrder({ "email", "first_name", "last_name", "position" })
public record TargetJson(String email, String firstName, String lastName, String position) {
}
