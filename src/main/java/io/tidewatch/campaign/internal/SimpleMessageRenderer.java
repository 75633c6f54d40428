package io.tidewatch.campaign.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.tidewatch.campaign.MessageRenderer;

/**
 * The variable substitution of Gophish's template syntax: {@code {{.FirstName}}}, {@code {{.URL}}},
 * {@code {{.Tracker}}}... (spaces allowed inside the braces). Conditionals and other actions are refused at compile
 * time; the full Gophish-syntax renderer of the template capability replaces this bean where it is present.
 */
@DefaultBean
@ApplicationScoped
public class SimpleMessageRenderer implements MessageRenderer {

    private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\.([A-Za-z]+)");
    private static final List<String> VARIABLES = List.of("FirstName", "LastName", "Email", "Position", "From", "URL",
            "TrackingURL", "Tracker", "BaseURL", "RId");

    @Override
    public Compiled compile(String source) {
        String text = source == null ? "" : source;
        List<Object> parts = new ArrayList<>();
        Matcher action = ACTION.matcher(text);
        int at = 0;
        while (action.find()) {
            parts.add(text.substring(at, action.start()));
            Matcher field = FIELD.matcher(action.group(1));
            if (!field.matches()) {
                throw new IllegalArgumentException("unsupported template action " + action.group());
            }
            if (!VARIABLES.contains(field.group(1))) {
                throw new IllegalArgumentException("unknown variable {{." + field.group(1) + "}}");
            }
            parts.add(new Variable(field.group(1)));
            at = action.end();
        }
        parts.add(text.substring(at));
        List<Object> compiled = List.copyOf(parts);
        return (recipient, html) -> {
            Map<String, String> values = values(recipient);
            StringBuilder out = new StringBuilder(text.length() + 256);
            for (Object part : compiled) {
                if (part instanceof Variable v) {
                    String value = values.get(v.name());
                    out.append(html && !"Tracker".equals(v.name()) ? escape(value) : value);
                } else {
                    out.append((String) part);
                }
            }
            return out.toString();
        };
    }

    private record Variable(String name) {
    }

    static Map<String, String> values(Recipient r) {
        Links links = Links.of(r.campaignUrl() == null ? "" : r.campaignUrl(), r.rid());
        return Map.of("FirstName", nz(r.firstName()), "LastName", nz(r.lastName()), "Email", nz(r.email()),
                "Position", nz(r.position()), "From", nz(r.from()), "URL", links.url(), "TrackingURL", links.tracking(),
                "Tracker", "<img alt='' style='display: none' src='" + links.tracking() + "'/>", "BaseURL",
                links.base(), "RId", nz(r.rid()));
    }

    /** The campaign URL with {@code ?rid=}, its {@code /track} sibling, and its scheme and host. */
    record Links(String url, String tracking, String base) {

        static Links of(String campaignUrl, String rid) {
            String param = "rid=" + URLEncoder.encode(nz(rid), StandardCharsets.UTF_8);
            try {
                URI uri = new URI(campaignUrl);
                String prefix = (uri.getScheme() == null ? "" : uri.getScheme() + ":")
                        + (uri.getRawAuthority() == null ? "" : "//" + uri.getRawAuthority());
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? param
                        : uri.getRawQuery() + "&" + param;
                String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
                String track = (path + "/track").replaceAll("/{2,}", "/");
                return new Links(prefix + path + "?" + query + fragment, prefix + track + "?" + query, prefix);
            } catch (URISyntaxException e) {
                String sep = campaignUrl.contains("?") ? "&" : "?";
                return new Links(campaignUrl + sep + param, campaignUrl + "/track" + sep + param, campaignUrl);
            }
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
