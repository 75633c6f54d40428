package io.tidewatch.landingpage;

/** A landing page as clients send it; extra fields such as modified_date are ignored. */
public record PageRequest(Long id, String name, String html, Boolean captureCredentials, Boolean capturePasswords,
        String redirectUrl) {
}
