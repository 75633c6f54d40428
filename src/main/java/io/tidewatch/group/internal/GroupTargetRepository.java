package io.tidewatch.group.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Targets of the current tenant's groups. */
@ApplicationScoped
public class GroupTargetRepository implements PanacheRepository<GroupTarget> {

    private static final int CHUNK = 1000;

    /** The targets of these groups, in insertion order. */
    public List<GroupTarget> listByGroups(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return list("groupId in ?1", Sort.by("id"), groupIds);
    }

    /** Which of these addresses (lower-cased) some group other than {@code groupId} still holds. */
    public Set<String> heldElsewhere(Collection<String> keys, long groupId) {
        Set<String> held = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            held.addAll(getEntityManager()
                    .createQuery("select distinct t.emailKey from GroupTarget t where t.emailKey in ?1"
                            + " and t.groupId <> ?2", String.class)
                    .setParameter(1, all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .setParameter(2, groupId)
                    .getResultList());
        }
        return held;
    }

    /** Removes a group's targets. */
    public void deleteByGroup(long groupId) {
        delete("groupId", groupId);
    }
}
