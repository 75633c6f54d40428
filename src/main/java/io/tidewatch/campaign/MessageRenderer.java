package io.tidewatch.campaign;

/**
 * Renders Gophish-syntax templates ({@code {{.FirstName}}}, {@code {{.URL}}}, {@code {{.Tracker}}}...) for one
 * recipient: subjects, bodies, headers, landing pages and redirect URLs. Compiled once per campaign, rendered per
 * recipient.
 */
public interface MessageRenderer {

    /** Parses {@code source}; an {@link IllegalArgumentException} names what is wrong with it. */
    Compiled compile(String source);

    /** A parsed template. */
    interface Compiled {

        /** The text for one recipient; with {@code html} true, recipient values are HTML-escaped. */
        String render(Recipient recipient, boolean html);
    }

    /**
     * What a template may refer to: the recipient's fields, the sender's address ({@code From}), the recipient id and
     * the campaign URL (itself a template of the recipient's fields) from which {@code URL}, {@code TrackingURL},
     * {@code Tracker} and {@code BaseURL} are derived.
     */
    record Recipient(String firstName, String lastName, String email, String position, String from, String rid,
            String campaignUrl) {
    }
}
