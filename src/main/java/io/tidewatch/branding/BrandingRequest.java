package io.tidewatch.branding;

/**
 * The body of {@code PUT /api/branding}. A field left out (null) keeps its value; an empty string clears it back to
 * the default. Colours are {@code #RRGGBB}.
 */
public record BrandingRequest(String primaryColor, String secondaryColor, String fromName, String supportEmail) {
}
