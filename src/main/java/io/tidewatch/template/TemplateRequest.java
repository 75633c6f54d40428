package io.tidewatch.template;

import java.util.List;

/** A template as clients send it; {@code id} matters only on PUT, extra fields such as modified_date are ignored. */
public record TemplateRequest(Long id, String name, String envelopeSender, String subject, String text, String html,
        List<AttachmentJson> attachments) {
}
