package io.tidewatch.organization;

/**
 * What may be said about an organization to anyone who reaches its host, before sign-in: its name, slug, host and
 * support link (login page, public branding assets, platform e-mail).
 */
public record OrganizationProfile(long id, String name, String slug, String host, String supportUrl) {
}
