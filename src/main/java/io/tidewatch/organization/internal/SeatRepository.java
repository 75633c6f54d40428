package io.tidewatch.organization.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tidewatch.tenancy.TenantSchemas;

/** Counts and changes seats in the control schema. */
@ApplicationScoped
public class SeatRepository implements PanacheRepository<Seat> {

    private static final int IN_LIST_LIMIT = 1000;
    private static final int INSERT_BATCH = 500;

    /** The distinct persons holding a seat in the organization. */
    public long countPersons(long orgId) {
        return getEntityManager()
                .createQuery("select count(distinct s.personKey) from Seat s where s.orgId = ?1", Long.class)
                .setParameter(1, orgId)
                .getSingleResult();
    }

    /** Seats used per organization, for listings. */
    public Map<Long, Long> countPersonsByOrg() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select s.orgId, count(distinct s.personKey) from Seat s group by s.orgId", Object[].class)
                .getResultList();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * The organization's seat holders in one pass: every person, and those holding a seat for {@code source}. One scan
     * of the organization's rows costs less than probing them with key lists (PostgreSQL applies such a list as a
     * filter to every row of the organization), and it needs no bind parameter per key.
     */
    public Holders holders(long orgId, String source) {
        Set<String> persons = new HashSet<>();
        Set<String> forSource = new HashSet<>();
        getEntityManager()
                .createQuery("select s.personKey, s.source from Seat s where s.orgId = ?1", Object[].class)
                .setParameter(1, orgId)
                .getResultStream()
                .forEach(row -> {
                    persons.add((String) row[0]);
                    if (source.equals(row[1])) {
                        forSource.add((String) row[0]);
                    }
                });
        return new Holders(persons, forSource);
    }

    /** The persons holding a seat in an organization, and those of them holding one for a given source. */
    public record Holders(Set<String> persons, Set<String> forSource) {
    }

    /**
     * Stores a seat for each key in one batched statement per {@value #INSERT_BATCH} rows, so a large import costs a
     * few round trips instead of one per person. Schema-qualified: the pooled connection may be set to a tenant.
     */
    public void insertAll(long orgId, Collection<String> keys, String source, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TenantSchemas.CONTROL
                    + ".seat (org_id, person_key, source, created_at) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (String key : keys) {
                    insert.setLong(1, orgId);
                    insert.setString(2, key);
                    insert.setString(3, source);
                    insert.setTimestamp(4, Timestamp.from(at));
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
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

    /** Drops one reason for these persons' seats in one organization, by primary key; returns how many went. */
    public long releaseAll(long orgId, Collection<String> keys, String source) {
        if (keys.isEmpty()) {
            return 0;
        }
        Set<String> leaving = new HashSet<>(keys);
        List<Long> ids = new ArrayList<>();
        getEntityManager()
                .createQuery("select s.id, s.personKey from Seat s where s.orgId = ?1 and s.source = ?2", Object[].class)
                .setParameter(1, orgId)
                .setParameter(2, source)
                .getResultStream()
                .filter(row -> leaving.contains((String) row[1]))
                .forEach(row -> ids.add((Long) row[0]));
        long released = 0;
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            released += delete("id in ?1", ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT)));
        }
        return released;
    }

    /** Drops one reason for a person's seat; returns how many rows went. */
    public long release(long orgId, String key, String source) {
        return delete("orgId = ?1 and personKey = ?2 and source = ?3", orgId, key, source);
    }

    /** Drops every seat of a person in every organization (the account was deleted). */
    public long releaseEverywhere(String key, String source) {
        return delete("personKey = ?1 and source = ?2", key, source);
    }
}
