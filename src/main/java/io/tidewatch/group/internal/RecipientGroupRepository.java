package io.tidewatch.group.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.platform.web.Paging;

/** Groups of the current tenant. */
@ApplicationScoped
public class RecipientGroupRepository implements PanacheRepository<RecipientGroup> {

    /** A group's id, name, modification time and number of targets. */
    public record Summary(long id, String name, Instant modifiedDate, long numTargets) {
    }

    /** The group with exactly this name. */
    public Optional<RecipientGroup> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of groups, oldest first. */
    public List<RecipientGroup> listPage(Paging paging) {
        return paging.apply(findAll(Sort.by("id")));
    }

    /** Summaries of a page of groups, oldest first. */
    public List<Summary> summaries(Paging paging) {
        List<RecipientGroup> page = listPage(paging);
        if (page.isEmpty()) {
            return List.of();
        }
        List<Object[]> counts = getEntityManager().createQuery("select t.groupId, count(t) from GroupTarget t"
                + " where t.groupId in ?1 group by t.groupId", Object[].class)
                .setParameter(1, page.stream().map(g -> g.id).toList())
                .getResultList();
        Map<Long, Long> byGroup = new HashMap<>();
        counts.forEach(row -> byGroup.put((Long) row[0], (Long) row[1]));
        return page.stream().map(g -> new Summary(g.id, g.name, g.modifiedDate, byGroup.getOrDefault(g.id, 0L)))
                .toList();
    }

    /** Locks the tenant's group-write row, so seat claims and releases of concurrent group changes queue. */
    public void lockForWrite() {
        getEntityManager().createNativeQuery("SELECT id FROM group_write_lock WHERE id = 1 FOR UPDATE")
                .getResultList();
    }
}
