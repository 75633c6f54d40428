package io.tidewatch.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's template object, fields in Gophish's order; {@code attachments} is never null. */
@JsonPropertyOrder({ "id", "name", "envelope_sender", "subject", "text", "html", "modified_date", "attachments" })
public record TemplateView(long id, String name, String envelopeSender, String subject, String text, String html,
        String modifiedDate, List<AttachmentJson> attachments) {
}
