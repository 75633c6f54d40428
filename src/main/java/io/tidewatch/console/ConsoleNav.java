package io.tidewatch.console;

import java.util.ArrayList;
import java.util.List;

import io.tidewatch.organization.OrgRole;

/**
 * The console's navigation: one list of sections per organization, filtered by the role there, and the MSSP's own
 * pages for staff acting as themselves. Section keys are the URL segments ({@code members}, {@code branding}).
 */
final class ConsoleNav {

    /** A section of an organization's pages and the least role that sees it. */
    private record Section(String key, String label, OrgRole minimum) {
    }

    private static final List<Section> ORGANIZATION = List.of(
            new Section("dashboard", "Dashboard", OrgRole.VIEWER),
            new Section("campaigns", "Campaigns", OrgRole.VIEWER),
            new Section("templates", "Templates", OrgRole.VIEWER),
            new Section("landing-pages", "Landing pages", OrgRole.VIEWER),
            new Section("sending-profiles", "Sending profiles", OrgRole.VIEWER),
            new Section("groups", "Groups", OrgRole.VIEWER),
            new Section("members", "Members and seats", OrgRole.ADMIN),
            new Section("branding", "Branding", OrgRole.VIEWER),
            new Section("audit", "Audit log", OrgRole.VIEWER));

    private ConsoleNav() {
    }

    static List<Shell.NavItem> organization(Console console, String current) {
        List<Shell.NavItem> items = new ArrayList<>();
        if (console.orgId().isEmpty()) {
            return items;
        }
        String base = "/console/orgs/" + console.orgId().get();
        for (Section section : ORGANIZATION) {
            if (console.role().atLeast(section.minimum())) {
                String href = section.key().equals("dashboard") ? base : base + "/" + section.key();
                items.add(new Shell.NavItem(section.label(), href, section.key().equals(current)));
            }
        }
        return items;
    }

    static List<Shell.NavItem> mssp(Console console, String current) {
        List<Shell.NavItem> items = new ArrayList<>();
        if (console.isStaff()) {
            items.add(new Shell.NavItem("Fleet", "/console/fleet", "fleet".equals(current)));
        }
        if (console.isMsspAdmin()) {
            items.add(new Shell.NavItem("New organization", "/console/organizations/new", "new-organization".equals(current)));
        }
        return items;
    }
}
