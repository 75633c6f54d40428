package io.tidewatch.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.organization.internal.Organization;
import io.tidewatch.organization.internal.OrganizationRepository;

/**
 * Finds active organizations by host, slug or id for requests that carry no credential (login page, public branding
 * assets). A cached snapshot of every active organization: dropped on this replica as soon as an organization
 * changes, and reloaded on every replica after {@code tidewatch.organization-cache-ttl} (default 30 s) at the latest.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final OrganizationRepository organizations;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    OrganizationDirectory(OrganizationRepository organizations,
            @ConfigProperty(name = "tidewatch.organization-cache-ttl", defaultValue = "30s") Duration ttl) {
        this.organizations = organizations;
        this.ttl = ttl;
    }

    /** The organization whose host this is (case and port ignored). */
    public Optional<OrganizationProfile> byHost(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().byHost().get(normalize(host)));
    }

    /** The organization with this slug. */
    public Optional<OrganizationProfile> bySlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().bySlug().get(slug.trim().toLowerCase(Locale.ROOT)));
    }

    /** The active organization with this id; a miss is checked against the database (it may be brand new). */
    public Optional<OrganizationProfile> byId(long id) {
        OrganizationProfile cached = current().byId().get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        return QuarkusTransaction.requiringNew().call(() -> organizations.findActive(id).map(OrganizationDirectory::profile));
    }

    /** The ids of every active organization, oldest first (for jobs that visit each tenant). */
    public List<Long> activeIds() {
        return current().byId().keySet().stream().sorted().toList();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationChanged event) {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && current.loadedAt().plus(ttl).isAfter(Instant.now())) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current == null || !current.loadedAt().plus(ttl).isAfter(Instant.now())) {
                current = load();
                snapshot = current;
            }
            return current;
        }
    }

    private Snapshot load() {
        List<Organization> active = QuarkusTransaction.requiringNew().call(() -> organizations.listActive());
        Map<String, OrganizationProfile> hosts = new HashMap<>();
        Map<String, OrganizationProfile> slugs = new HashMap<>();
        Map<Long, OrganizationProfile> ids = new HashMap<>();
        for (Organization org : active) {
            OrganizationProfile profile = profile(org);
            if (org.host != null) {
                hosts.put(normalize(org.host), profile);
            }
            slugs.put(org.slug, profile);
            ids.put(org.id, profile);
        }
        return new Snapshot(Instant.now(), Map.copyOf(hosts), Map.copyOf(slugs), Map.copyOf(ids));
    }

    private static String normalize(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static OrganizationProfile profile(Organization o) {
        return new OrganizationProfile(o.id, o.name, o.slug, o.host, o.supportUrl);
    }

    /** One loaded view of every active organization. */
    private record Snapshot(Instant loadedAt, Map<String, OrganizationProfile> byHost,
            Map<String, OrganizationProfile> bySlug, Map<Long, OrganizationProfile> byId) {
    }
}
