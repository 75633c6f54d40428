package io.tidewatch.organization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tidewatch.platform.web.ApiException;

/** Checks an organization's fields and returns them normalised; a bad field is a 400 that names it. */
final class OrganizationValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private OrganizationValidator() {
    }

    /** The validated, normalised values. */
    record Valid(String name, String slug, int seatCap, String supportUrl, String host) {
    }

    static Valid validate(OrganizationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return new Valid(name(request.name()), slug(request.slug()), seatCap(request.seatCap()),
                supportUrl(request.supportUrl()), host(request.host()));
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name: is required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > 200) {
            throw ApiException.badRequest("name: must be at most 200 characters");
        }
        return trimmed;
    }

    static String slug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw ApiException.badRequest("slug: is required");
        }
        String trimmed = slug.trim();
        if (trimmed.length() > 63 || !SLUG.matcher(trimmed).matches()) {
            throw ApiException.badRequest("slug: must be lower-case letters, digits and single dashes (at most 63)");
        }
        return trimmed;
    }

    static int seatCap(Integer seatCap) {
        if (seatCap == null) {
            throw ApiException.badRequest("seat_cap: is required");
        }
        if (seatCap < 0) {
            throw ApiException.badRequest("seat_cap: must be a non-negative integer");
        }
        return seatCap;
    }

    static String supportUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (trimmed.length() > 2048) {
                throw ApiException.badRequest("support_url: must be at most 2048 characters");
            }
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApiException.badRequest("support_url: must be an http or https URL");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("support_url: must be an http or https URL");
        }
    }

    static String host(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String[] labels = name.split("\\.", -1);
        boolean valid = name.length() <= 253 && labels.length >= 2
                && labels[labels.length - 1].chars().anyMatch(Character::isLetter);
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw ApiException.badRequest("host: must be a valid DNS name such as client.sat.example.com");
        }
        return name;
    }
}
