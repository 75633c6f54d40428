package io.tidewatch.gotemplate;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a phishing template sees, named as in Gophish: the recipient's fields, {@code From}, the personalised
 * {@code URL} with {@code ?rid=}, {@code TrackingURL}, the {@code Tracker} pixel, {@code BaseURL} and {@code RId}.
 */
public record PhishingContext(String firstName, String lastName, String email, String position, String from,
        String url, String trackingUrl, String tracker, String baseUrl, String rid) {

    /** Every variable a phishing template, landing page or header may use. */
    public static final Set<String> VARIABLES = Set.of("FirstName", "LastName", "Email", "Position", "From", "URL",
            "TrackingURL", "Tracker", "BaseURL", "RId");

    /** What the campaign URL may use: Gophish executes it as a template with the recipient's fields only. */
    public static final Set<String> URL_VARIABLES = Set.of("FirstName", "LastName", "Email", "Position");

    /** Variables whose value is markup built by the platform and goes into HTML unescaped. */
    public static final Set<String> RAW_HTML = Set.of("Tracker");

    /** A URL whose scheme and host are written out: recipient values may only follow, in its path, query or fragment. */
    private static final Pattern LITERAL_ORIGIN = Pattern.compile("^https?://[^/?#{}\\s]+(?:[/?#].*)?$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The recipient parameter Gophish appends to campaign URLs. */
    public static final String RECIPIENT_PARAMETER = "rid";

    /** Builds the context as Gophish does for one recipient and the campaign URL, itself a template. */
    public static PhishingContext of(String firstName, String lastName, String email, String position, String from,
            String campaignUrl, String rid) {
        String url = campaignUrl(campaignUrl, Map.of("FirstName", nz(firstName), "LastName", nz(lastName), "Email",
                nz(email), "Position", nz(position)));
        GoUrl parsed = GoUrl.parse(url);
        Map<String, List<String>> query = parsed.query();
        query.put(RECIPIENT_PARAMETER, new ArrayList<>(List.of(rid)));
        String encoded = GoUrl.encode(query);
        String phishUrl = parsed.with(parsed.path(), encoded);
        String trackingUrl = parsed.with(joinTrack(parsed.path()), encoded);
        String baseUrl = parsed.with("", null);
        // The URL may carry recipient values (the campaign URL is a template): escaped for the attribute it sits in.
        String tracker = "<img alt='' style='display: none' src='" + GoTemplate.escapeHtml(trackingUrl) + "'/>";
        return new PhishingContext(nz(firstName), nz(lastName), nz(email), nz(position), nz(from), phishUrl,
                trackingUrl, tracker, baseUrl, rid);
    }

    /** The dummy recipient Gophish validates templates with. */
    public static PhishingContext dummy() {
        return of("Foo", "Bar", "foo@bar.com", "Test", "foo@bar.com", "http://example.com", "123456");
    }

    /** The values by variable name. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("FirstName", firstName);
        values.put("LastName", lastName);
        values.put("Email", email);
        values.put("Position", position);
        values.put("From", from);
        values.put("URL", url);
        values.put("TrackingURL", trackingUrl);
        values.put("Tracker", tracker);
        values.put("BaseURL", baseUrl);
        values.put("RId", rid);
        return values;
    }

    /** Renders {@code source} for this context; {@code html} escapes recipient values. */
    public String render(String source, boolean html) {
        return GoTemplate.parse(source, VARIABLES).render(values(), RAW_HTML, html);
    }

    /** Checks a campaign URL as Gophish will execute it; a {@link TemplateException} names the problem. */
    public static void validateUrl(String campaignUrl) {
        GoTemplate.validate(campaignUrl, URL_VARIABLES);
        if (campaignUrl != null && campaignUrl.contains("{{") && !LITERAL_ORIGIN.matcher(campaignUrl).matches()) {
            // A recipient's value must never choose where the link goes: javascript:, another host.
            throw new TemplateException("a templated url must begin with http:// or https:// and its host, written out",
                    1);
        }
    }

    private static String campaignUrl(String source, Map<String, String> recipient) {
        if (source == null || !source.contains("{{")) {
            return nz(source);
        }
        try {
            return GoTemplate.parse(source, URL_VARIABLES).render(recipient, Set.of(), false);
        } catch (TemplateException e) {
            // A URL saved before campaign URLs were checked on creation is sent as it was then: literally.
            return source;
        }
    }

    private static String joinTrack(String path) {
        String joined = (path == null ? "" : path) + "/track";
        return joined.replaceAll("/{2,}", "/");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Just enough of Go's net/url to rebuild a URL with a new path and query the way Gophish does. */
    record GoUrl(String prefix, String path, String rawQuery, String fragment) {

        private static final HexFormat HEX = HexFormat.of().withUpperCase();

        /** RFC 3986's own splitting expression: scheme, authority, path, query, fragment; it never fails. */
        private static final Pattern PARTS = Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?",
                Pattern.DOTALL);

        static GoUrl parse(String url) {
            Matcher m = PARTS.matcher(url);
            m.find();
            String prefix = (m.group(1) == null ? "" : m.group(1)) + (m.group(3) == null ? "" : m.group(3));
            return new GoUrl(prefix, m.group(5), m.group(7), m.group(9));
        }

        Map<String, List<String>> query() {
            Map<String, List<String>> values = new TreeMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return values;
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            return values;
        }

        static String encode(Map<String, List<String>> query) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, List<String>> entry : new TreeMap<>(query).entrySet()) {
                for (String value : entry.getValue()) {
                    if (out.length() > 0) {
                        out.append('&');
                    }
                    out.append(escape(entry.getKey())).append('=').append(escape(value));
                }
            }
            return out.toString();
        }

        String with(String newPath, String newQuery) {
            StringBuilder out = new StringBuilder(prefix);
            escapePath(out, newPath, "");
            if (newQuery != null && !newQuery.isEmpty()) {
                out.append('?').append(newQuery);
            }
            if (fragment != null && newQuery != null) {
                escapePath(out.append('#'), fragment, "!()*?");
            }
            return out.toString();
        }

        /**
         * A path (or fragment) as Go's {@code url.URL.String()} writes it: letters, digits, {@code -._~},
         * {@code $&+,/:;=@}, existing {@code %} escapes and {@code also} stay; everything else (spaces, quotes, angle
         * brackets, non-ASCII) is percent-encoded as UTF-8.
         */
        private static void escapePath(StringBuilder out, String path, String also) {
            if (path == null) {
                return;
            }
            for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "-._~$&+,/:;=@%".indexOf(c) >= 0 || also.indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append('%').append(HEX.toHexDigits(b));
                }
            }
        }

        /** Go's {@code url.QueryEscape}. */
        static String escape(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
        }

        private static String unescape(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
    }
}
