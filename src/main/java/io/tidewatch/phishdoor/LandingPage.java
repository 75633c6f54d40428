package io.tidewatch.phishdoor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.campaign.TrackedCampaign;

/**
 * A campaign's landing page prepared once for many recipients: the HTML and redirect URL compiled, the names of the
 * page's form fields (a GET carrying any of them is a form submitted by GET), and which of them hold passwords.
 * Every form gets a hidden {@code rid} input when rendered, so a form that submits by GET keeps the recipient.
 */
record LandingPage(TrackedCampaign campaign, MessageRenderer.Compiled html, MessageRenderer.Compiled redirect,
        Set<String> fields, Set<String> passwords) {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(input|select|textarea)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSWORD_TYPE = Pattern.compile("\\btype\\s*=\\s*[\"']?password\\b",
            Pattern.CASE_INSENSITIVE);
    /** Field names that hold secrets even when the page does not mark them as password inputs. */
    private static final Pattern SECRET_NAME = Pattern.compile("pass|pwd|secret|otp|token|pincode",
            Pattern.CASE_INSENSITIVE);
    /** "pin" as a word of the name ({@code pin}, {@code user_pin}, {@code pin-code}, {@code pinCode}), not "shipping". */
    private static final Pattern PIN_WORD = Pattern.compile("(?:^|[^A-Za-z]|(?<=[a-z])(?=P))(?i:pin)(?:$|[^a-z]|(?=[A-Z]))");

    static LandingPage prepare(TrackedCampaign campaign, MessageRenderer renderer) {
        String source = campaign.page().html() == null ? "" : campaign.page().html();
        Set<String> fields = new HashSet<>();
        Set<String> passwords = new HashSet<>();
        Matcher input = INPUT.matcher(source);
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            if (name.find()) {
                String field = name.group(1) != null ? name.group(1) : name.group(2) != null ? name.group(2) : name.group(3);
                if (!field.isEmpty() && !"rid".equals(field)) {
                    fields.add(field);
                    if (PASSWORD_TYPE.matcher(input.group()).find()) {
                        passwords.add(field);
                    }
                }
            }
        }
        MessageRenderer.Compiled html = compileOrText(renderer, source);
        MessageRenderer.Compiled redirect = compileOrText(renderer, campaign.page().redirectUrl());
        return new LandingPage(campaign, html, redirect, Set.copyOf(fields), Set.copyOf(passwords));
    }

    /** True when a submitted field holds a secret whose value must never be stored. */
    boolean isSecret(String field) {
        return passwords.contains(field) || SECRET_NAME.matcher(field.toLowerCase(Locale.ROOT)).find()
                || PIN_WORD.matcher(field).find();
    }

    /** The page for one recipient, each form carrying the rid as a hidden input. */
    String render(MessageRenderer.Recipient recipient) {
        String page = html.render(recipient, true);
        String hidden = "<input type=\"hidden\" name=\"rid\" value=\"" + recipient.rid() + "\">";
        return FORM.matcher(page).replaceAll(m -> Matcher.quoteReplacement(m.group() + hidden));
    }

    private static MessageRenderer.Compiled compileOrText(MessageRenderer renderer, String source) {
        try {
            return renderer.compile(source == null ? "" : source);
        } catch (IllegalArgumentException e) {
            String text = source == null ? "" : source;
            return (recipient, html) -> text;
        }
    }
}
