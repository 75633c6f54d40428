package io.tidewatch.branding;

/**
 * How a page or platform e-mail looks for one organization, or for the MSSP itself when {@code orgId} is null: name,
 * colours with the readable text colour for each, logo and favicon URLs (relative, for pages on any host, and an
 * absolute logo URL for e-mail), support link and address, and the display name of platform e-mail.
 */
public record Brand(Long orgId, String name, String slug, String primaryColor, String primaryTextColor,
        String secondaryColor, String secondaryTextColor, String logoUrl, String faviconUrl, String absoluteLogoUrl,
        String supportUrl, String supportEmail, String fromName) {

    /** True for an organization's brand, false for the MSSP's own. */
    public boolean isTenant() {
        return orgId != null;
    }

    /** True when there is a support link or address to show. */
    public boolean hasSupport() {
        return supportUrl != null || supportEmail != null;
    }
}
