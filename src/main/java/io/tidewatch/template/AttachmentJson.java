package io.tidewatch.template;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's attachment: base64 {@code content}, MIME {@code type} and file {@code name}. */
@JsonPropertyOrder({ "content", "type", "name" })
public record AttachmentJson(String content, String type, String name) {
}
