package io.tidewatch.sendingprofile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Texts;

/** Gophish's sending-profile validation, in Gophish's order and words, plus header and address safety checks. */
final class ProfileRules {

    /** Gophish's strict bare-address rule for {@code from_address} (since 2022). */
    static final Pattern FROM = Pattern.compile("^([a-zA-Z0-9_\\-.]+)@([a-zA-Z0-9_\\-.]+)\\.([a-zA-Z]{2,18})$");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private ProfileRules() {
    }

    /** A validated host and port: {@code host:port}, port 25 when absent. */
    record HostPort(String host, int port) {
    }

    static HostPort validate(ProfileRequest request, OutboundGuard guard) {
        String from = Texts.orEmpty(request.fromAddress()).strip();
        String host = Texts.orEmpty(request.host()).strip();
        if (from.isEmpty()) {
            throw ApiException.badRequest("No From Address specified");
        }
        if (host.isEmpty()) {
            throw ApiException.badRequest("No SMTP Host specified");
        }
        if (!FROM.matcher(from).matches()) {
            throw ApiException.badRequest("Invalid SMTP From address because it is not an email address");
        }
        try {
            MailAddress.parse(from);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        HostPort hostPort = hostPort(host);
        guard.checkLiteral(hostPort.host());
        Texts.atMost(request.username(), 255, "username");
        Texts.atMost(request.password(), 512, "password");
        headers(request.headers());
        return hostPort;
    }

    static HostPort hostPort(String host) {
        String[] parts = host.split(":", -1);
        if (parts.length > 2 || parts[0].isBlank() || parts[0].length() > 253) {
            throw ApiException.badRequest("Invalid SMTP server address");
        }
        if (parts.length == 1) {
            return new HostPort(parts[0], 25);
        }
        try {
            int port = Integer.parseInt(parts[1]);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(parts[0], port);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid SMTP server address");
        }
    }

    static List<HeaderJson> headers(List<HeaderJson> given) {
        List<HeaderJson> headers = new ArrayList<>();
        if (given == null) {
            return headers;
        }
        for (int i = 0; i < given.size(); i++) {
            HeaderJson header = given.get(i);
            String field = "headers[" + i + "]";
            if (header == null) {
                throw ApiException.badRequest(field + ": missing");
            }
            String key = Texts.atMost(header.key(), 255, field + ".key").strip();
            String value = Texts.atMost(header.value(), 2048, field + ".value");
            checkSyntax(key, field + ".key");
            checkSyntax(value, field + ".value");
            String renderedKey = PhishingContext.dummy().render(key, false);
            if (!HEADER_NAME.matcher(renderedKey).matches()) {
                throw ApiException.badRequest(field + ".key: not a valid header name");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw ApiException.badRequest(field + ".value: must be a single line");
            }
            headers.add(new HeaderJson(key, value));
        }
        return headers;
    }

    private static void checkSyntax(String source, String field) {
        try {
            GoTemplate.validate(source, PhishingContext.VARIABLES);
        } catch (TemplateException e) {
            throw ApiException.badRequest(e.describe(field));
        }
    }
}
