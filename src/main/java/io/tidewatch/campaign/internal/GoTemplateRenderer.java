package io.tidewatch.campaign.internal;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;

/**
 * Renders campaign messages and landing pages with the same Gophish-syntax engine that validated them on save, so
 * what was accepted is exactly what is sent ({@code {{if}}}, {@code {{else}}}, spacing variants included).
 */
@ApplicationScoped
public class GoTemplateRenderer implements MessageRenderer {

    @Override
    public Compiled compile(String source) {
        try {
            GoTemplate template = GoTemplate.parse(source == null ? "" : source, PhishingContext.VARIABLES);
            return (recipient, html) -> template.render(context(recipient).values(), PhishingContext.RAW_HTML, html);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static PhishingContext context(Recipient r) {
        return PhishingContext.of(r.firstName(), r.lastName(), r.email(), r.position(), r.from(), r.campaignUrl(), r.rid());
    }
}
