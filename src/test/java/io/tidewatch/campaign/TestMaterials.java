package io.tidewatch.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.tidewatch.campaign.internal.ServiceMaterials;
import io.tidewatch.tenancy.TenantContext;

/**
 * A test-only registry standing in for the template, landing page, sending profile and group capabilities: tests
 * register materials per organization, and campaigns look them up through {@link CampaignMaterials} in the tenant
 * the request acts in, exactly as the production adapter will.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestMaterials implements CampaignMaterials {

    private final TenantContext tenant;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, Map<Long, Object>> byOrg = new ConcurrentHashMap<>();

    private final ServiceMaterials real;

    TestMaterials(TenantContext tenant, ServiceMaterials real) {
        this.tenant = tenant;
        this.real = real;
    }

    /** Organizations that registered nothing here use the real template, page, profile and group services. */
    private boolean registered() {
        return byOrg.containsKey(tenant.requireOrgId());
    }

    public TemplateMaterial template(long orgId, String name, String subject, String text, String html,
            String envelopeSender, List<AttachmentMaterial> attachments) {
        return store(orgId, new TemplateMaterial(ids.incrementAndGet(), name, envelopeSender, subject, text, html,
                now(), attachments));
    }

    public PageMaterial page(long orgId, String name, String html, boolean captureCredentials, boolean capturePasswords,
            String redirectUrl) {
        return store(orgId, new PageMaterial(ids.incrementAndGet(), name, html, captureCredentials, capturePasswords,
                redirectUrl, now()));
    }

    public ProfileMaterial profile(long orgId, String name, String host, String fromAddress,
            List<HeaderMaterial> headers) {
        return store(orgId, new ProfileMaterial(ids.incrementAndGet(), name, host, "", "", fromAddress, false, headers,
                now()));
    }

    public GroupMaterial group(long orgId, String name, List<TargetMaterial> targets) {
        return store(orgId, new GroupMaterial(ids.incrementAndGet(), name, now(), targets));
    }

    /** Replaces a stored material (same id), as an edit in the owning capability would. */
    public <T> T replace(long orgId, long id, T material) {
        byOrg.computeIfAbsent(orgId, k -> new ConcurrentHashMap<>()).put(id, material);
        return material;
    }

    /** Removes a material, as a delete in the owning capability would. */
    public void delete(long orgId, long id) {
        byOrg.getOrDefault(orgId, Map.of()).remove(id);
    }

    @Override
    public Optional<TemplateMaterial> template(MaterialRef ref) {
        if (!registered()) {
            return real.template(ref);
        }
        return find(TemplateMaterial.class, ref, TemplateMaterial::id, TemplateMaterial::name);
    }

    @Override
    public Optional<PageMaterial> page(MaterialRef ref) {
        if (!registered()) {
            return real.page(ref);
        }
        return find(PageMaterial.class, ref, PageMaterial::id, PageMaterial::name);
    }

    @Override
    public Optional<ProfileMaterial> profile(MaterialRef ref) {
        if (!registered()) {
            return real.profile(ref);
        }
        return find(ProfileMaterial.class, ref, ProfileMaterial::id, ProfileMaterial::name);
    }

    @Override
    public Optional<GroupMaterial> group(MaterialRef ref) {
        if (!registered()) {
            return real.group(ref);
        }
        return find(GroupMaterial.class, ref, GroupMaterial::id, GroupMaterial::name);
    }

    @Override
    public Set<Long> existing(MaterialKind kind, Collection<Long> ids) {
        if (!registered()) {
            return real.existing(kind, ids);
        }
        Class<?> type = switch (kind) {
            case TEMPLATE -> TemplateMaterial.class;
            case PAGE -> PageMaterial.class;
            case PROFILE -> ProfileMaterial.class;
        };
        return mine().entrySet().stream().filter(e -> type.isInstance(e.getValue()) && ids.contains(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private <T> Optional<T> find(Class<T> type, MaterialRef ref, ToLongFunction<T> id, Function<T, String> name) {
        return mine().values().stream().filter(type::isInstance).map(type::cast)
                .filter(m -> ref.isByName() ? name.apply(m).equals(ref.name()) : id.applyAsLong(m) == ref.id())
                .findFirst();
    }

    private Map<Long, Object> mine() {
        return byOrg.getOrDefault(tenant.requireOrgId(), Map.of());
    }

    private <T> T store(long orgId, T material) {
        long id;
        if (material instanceof TemplateMaterial t) {
            id = t.id();
        } else if (material instanceof PageMaterial p) {
            id = p.id();
        } else if (material instanceof ProfileMaterial p) {
            id = p.id();
        } else {
            id = ((GroupMaterial) material).id();
        }
        byOrg.computeIfAbsent(orgId, k -> new ConcurrentHashMap<>()).put(id, material);
        return material;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
