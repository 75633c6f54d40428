package io.tidewatch.console;

import java.util.List;

import io.tidewatch.branding.Brand;

/**
 * What the console's frame shows around every page: the brand, the page title, who is signed in, the organization
 * switcher, the navigation for the current role, the impersonation banner, and the CSRF token for the page's forms.
 */
public record Shell(Brand brand, String title, String username, String roleLabel, boolean msspAdmin, boolean staff,
        List<OrgLink> orgs, OrgLink org, List<NavItem> nav, List<NavItem> msspNav, Banner impersonation,
        boolean impersonationEnded, String csrf) {

    /** An organization in the switcher. */
    public record OrgLink(long id, String name, boolean current) {

        /** The organization's dashboard. */
        public String href() {
            return "/console/orgs/" + id;
        }
    }

    /** A navigation link; {@code current} marks the page's own section. */
    public record NavItem(String label, String href, boolean current) {
    }

    /** The running impersonation: whose organization, why, and how long it has left. */
    public record Banner(long id, String orgName, String reason, long minutesLeft, String expiresAt) {
    }

    /** True when the switcher has a choice to offer. */
    public boolean hasSwitcher() {
        return orgs.size() > 1;
    }

    /** True while impersonating. */
    public boolean impersonating() {
        return impersonation != null;
    }
}
