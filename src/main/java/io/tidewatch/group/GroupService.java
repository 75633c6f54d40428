package io.tidewatch.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.group.internal.GroupTarget;
import io.tidewatch.group.internal.GroupTargetRepository;
import io.tidewatch.group.internal.RecipientGroup;
import io.tidewatch.group.internal.RecipientGroupRepository;
import io.tidewatch.organization.SeatService;
import io.tidewatch.organization.SeatSource;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.platform.web.UniqueNames;
import io.tidewatch.tenancy.TenantContext;

/**
 * Creates, changes and deletes recipient groups with Gophish's rules and messages. Targets are deduplicated
 * case-insensitively; every address takes a seat (all or nothing, 402 at the cap) and frees it when no group of the
 * tenant holds it any more. Group changes of one tenant queue on a lock row so claims and releases never race.
 */
@ApplicationScoped
public class GroupService {

    static final String NOT_FOUND = "Group not found";
    static final String NAME_IN_USE = "Group name already in use";

    private final RecipientGroupRepository groups;
    private final GroupTargetRepository targets;
    private final SeatService seats;
    private final TenantContext tenant;
    private final AuditLog audit;

    GroupService(RecipientGroupRepository groups, GroupTargetRepository targets, SeatService seats,
            TenantContext tenant, AuditLog audit) {
        this.groups = groups;
        this.targets = targets;
        this.seats = seats;
        this.tenant = tenant;
        this.audit = audit;
    }

    /** The tenant's groups with their targets, oldest first. */
    @Transactional
    public List<GroupView> list(Paging paging) {
        return views(groups.listPage(paging));
    }

    /** One group by id. */
    @Transactional
    public Optional<GroupView> find(long id) {
        return Optional.ofNullable(groups.findById(id)).map(g -> views(List.of(g)).get(0));
    }

    /** One group by its exact name (campaigns refer to groups by name). */
    @Transactional
    public Optional<GroupView> findByName(String name) {
        return groups.findByName(Texts.orEmpty(name)).map(g -> views(List.of(g)).get(0));
    }

    /** Summaries of the tenant's groups; {@code total} counts every group, whatever the page. */
    @Transactional
    public GroupSummariesView summaries(Paging paging) {
        List<GroupSummaryView> page = groups.summaries(paging).stream().map(GroupService::summary).toList();
        return new GroupSummariesView(groups.count(), page);
    }

    /** One group's summary. */
    @Transactional
    public Optional<GroupSummaryView> summary(long id) {
        return Optional.ofNullable(groups.findById(id)).map(g -> new GroupSummaryView(g.id, g.name,
                GoTime.format(g.modifiedDate), targets.count("groupId", id)));
    }

    /** Creates a group; 409 for a taken name, 400 for bad input, 402 when its recipients do not fit the seat cap. */
    @Transactional
    public GroupView create(GroupRequest request) {
        String name = Texts.orEmpty(request.name());
        if (groups.findByName(name).isPresent()) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        Map<String, TargetJson> wanted = validate(request);
        groups.lockForWrite();
        seats.claim(tenant.requireOrgId(), wanted.keySet(), SeatSource.RECIPIENT);
        RecipientGroup group = new RecipientGroup();
        group.name = name;
        group.modifiedDate = GoTime.now();
        UniqueNames.persist(groups, group, NAME_IN_USE);
        List<GroupTarget> rows = new ArrayList<>(wanted.size());
        wanted.forEach((key, target) -> rows.add(row(group.id, key, target)));
        targets.insertAll(rows);
        audit.record(AuditEvent.of("group.create").target("group", group.id).details("targets=" + wanted.size()));
        return find(group.id).orElseThrow();
    }

    /**
     * Replaces a group's name and targets; seats follow the recipients removed (freed first, so swapping recipients
     * at the cap works) and added (all or nothing).
     */
    @Transactional
    public GroupView update(long id, GroupRequest request) {
        RecipientGroup group = existing(id);
        if (request.id() != null && request.id() != 0 && request.id() != id) {
            throw ApiException.badRequest("Error: /:id and group_id mismatch");
        }
        String name = Texts.orEmpty(request.name());
        Optional<RecipientGroup> sameName = groups.findByName(name);
        if (sameName.isPresent() && !sameName.get().id.equals(id)) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        Map<String, TargetJson> wanted = validate(request);
        groups.lockForWrite();
        Changes changes = replaceTargets(id, wanted);
        group.name = name;
        group.modifiedDate = GoTime.now();
        UniqueNames.flush(groups, NAME_IN_USE);
        audit.record(AuditEvent.of("group.update").target("group", id)
                .details("targets=" + wanted.size() + ", added=" + changes.added() + ", removed=" + changes.removed()));
        return find(id).orElseThrow();
    }

    /** How many recipients a group change added and removed. */
    private record Changes(int added, int removed) {
    }

    /** Frees the recipients that go (first, so a swap at the cap fits), then claims and stores the wanted ones. */
    private Changes replaceTargets(long id, Map<String, TargetJson> wanted) {
        Map<String, GroupTarget> current = new LinkedHashMap<>();
        targets.listByGroups(List.of(id)).forEach(t -> current.put(t.emailKey, t));
        List<String> removed = new ArrayList<>();
        List<GroupTarget> leaving = new ArrayList<>();
        for (GroupTarget existing : current.values()) {
            if (!wanted.containsKey(existing.emailKey)) {
                removed.add(existing.emailKey);
                leaving.add(existing);
            }
        }
        targets.deleteAll(leaving);
        releaseUnheld(removed, id);
        seats.claim(tenant.requireOrgId(), wanted.keySet(), SeatSource.RECIPIENT);
        List<GroupTarget> added = new ArrayList<>();
        for (Map.Entry<String, TargetJson> entry : wanted.entrySet()) {
            GroupTarget existing = current.get(entry.getKey());
            if (existing == null) {
                added.add(row(id, entry.getKey(), entry.getValue()));
            } else {
                fill(existing, entry.getValue());
            }
        }
        targets.insertAll(added);
        return new Changes(added.size(), removed.size());
    }

    /** Deletes a group and frees the seats of recipients no other group holds. */
    @Transactional
    public void delete(long id) {
        RecipientGroup group = existing(id);
        groups.lockForWrite();
        List<String> keys = targets.listByGroups(List.of(id)).stream().map(t -> t.emailKey).toList();
        targets.deleteByGroup(id);
        groups.delete(group);
        releaseUnheld(keys, id);
        audit.record(AuditEvent.of("group.delete").target("group", id).details("targets=" + keys.size()));
    }

    private void releaseUnheld(List<String> keys, long groupId) {
        if (keys.isEmpty()) {
            return;
        }
        targets.flush();
        Set<String> held = targets.heldElsewhere(keys, groupId);
        List<String> free = keys.stream().filter(key -> !held.contains(key)).toList();
        seats.releaseAll(tenant.requireOrgId(), free, SeatSource.RECIPIENT);
    }

    private RecipientGroup existing(long id) {
        RecipientGroup group = groups.findById(id);
        if (group == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return group;
    }

    /** Gophish's checks and messages; returns the targets by lower-cased address, first occurrence wins. */
    static Map<String, TargetJson> validate(GroupRequest request) {
        String name = Texts.orEmpty(request.name());
        if (name.isEmpty()) {
            throw ApiException.badRequest("Group name not specified");
        }
        Texts.atMost(name, 255, "name");
        if (request.targets() == null || request.targets().isEmpty()) {
            throw ApiException.badRequest("No targets specified");
        }
        Map<String, TargetJson> wanted = new LinkedHashMap<>();
        for (int i = 0; i < request.targets().size(); i++) {
            TargetJson target = request.targets().get(i);
            if (target == null) {
                throw ApiException.badRequest("mail: no address");
            }
            TargetJson clean = normalize(target, "targets[" + i + "]");
            wanted.putIfAbsent(key(clean.email()), clean);
        }
        return wanted;
    }

    /** A target with a bare, checked address and bounded fields. */
    static TargetJson normalize(TargetJson target, String field) {
        String email;
        try {
            email = MailAddress.parse(Texts.orEmpty(target.email())).address();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Texts.atMost(email, 254, field + ".email");
        return new TargetJson(email, Texts.atMost(target.firstName(), 255, field + ".first_name").strip(),
                Texts.atMost(target.lastName(), 255, field + ".last_name").strip(),
                Texts.atMost(target.position(), 255, field + ".position").strip());
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static GroupTarget row(long groupId, String key, TargetJson target) {
        GroupTarget row = new GroupTarget();
        row.groupId = groupId;
        row.emailKey = key;
        fill(row, target);
        return row;
    }

    private static void fill(GroupTarget row, TargetJson target) {
        row.email = target.email();
        row.firstName = target.firstName();
        row.lastName = target.lastName();
        row.position = target.position();
    }

    private List<GroupView> views(List<RecipientGroup> page) {
        Map<Long, List<TargetJson>> byGroup = new LinkedHashMap<>();
        page.forEach(g -> byGroup.put(g.id, new ArrayList<>()));
        for (GroupTarget t : targets.listByGroups(byGroup.keySet())) {
            byGroup.get(t.groupId).add(new TargetJson(t.email, t.firstName, t.lastName, t.position));
        }
        return page.stream()
                .map(g -> new GroupView(g.id, g.name, GoTime.format(g.modifiedDate), List.copyOf(byGroup.get(g.id))))
                .toList();
    }

    private static GroupSummaryView summary(RecipientGroupRepository.Summary s) {
        return new GroupSummaryView(s.id(), s.name(), GoTime.format(s.modifiedDate()), s.numTargets());
    }
}
