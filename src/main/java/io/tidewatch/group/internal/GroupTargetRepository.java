package io.tidewatch.group.internal;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

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

    /**
     * Which of these addresses (lower-cased) some group other than {@code groupId} still holds: one pass over the other
     * groups' keys, which stays linear however many addresses are asked about.
     */
    public Set<String> heldElsewhere(Collection<String> keys, long groupId) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> asked = new HashSet<>(keys);
        Set<String> held = new HashSet<>();
        getEntityManager()
                .createQuery("select distinct t.emailKey from GroupTarget t where t.groupId <> ?1", String.class)
                .setParameter(1, groupId)
                .getResultStream()
                .filter(asked::contains)
                .forEach(held::add);
        return held;
    }

    /**
     * Stores new targets (their ids unset) with batched statements: one round trip per {@value #CHUNK} rows instead of
     * one per recipient. Runs on the tenant's connection, so the table name stays unqualified.
     */
    public void insertAll(List<GroupTarget> rows) {
        if (rows.isEmpty()) {
            return;
        }
        flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO group_target"
                    + " (group_id, email, email_key, first_name, last_name, job_position) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (GroupTarget row : rows) {
                    insert.setLong(1, row.groupId);
                    insert.setString(2, row.email);
                    insert.setString(3, row.emailKey);
                    insert.setString(4, row.firstName);
                    insert.setString(5, row.lastName);
                    insert.setString(6, row.position);
                    insert.addBatch();
                    if (++pending == CHUNK) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** Removes these targets, by primary key. */
    public void deleteAll(List<GroupTarget> rows) {
        List<Long> ids = rows.stream().map(row -> row.id).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            delete("id in ?1", ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    /** Removes a group's targets. */
    public void deleteByGroup(long groupId) {
        delete("groupId", groupId);
    }
}
