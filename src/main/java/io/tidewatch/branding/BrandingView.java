package io.tidewatch.branding;

import java.time.Instant;
import java.util.List;

/**
 * An organization's branding as {@code GET /api/branding} shows it: the colours in effect (the defaults where none
 * is set) with the text colour pages put on each, the sender name and support address, the organization's own
 * support link and host, the logo and favicon URLs, and contrast warnings.
 */
public record BrandingView(long orgId, String primaryColor, String primaryTextColor, String secondaryColor,
        String secondaryTextColor, String fromName, String supportEmail, String supportUrl, String host, String logoUrl,
        String faviconUrl, boolean customLogo, boolean customFavicon, Instant updatedAt, List<String> warnings) {
}
