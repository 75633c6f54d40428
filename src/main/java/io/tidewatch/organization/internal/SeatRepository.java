package io.tidewatch.organization.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Counts and changes seats in the control schema. */
@ApplicationScoped
public class SeatRepository implements PanacheRepository<Seat> {

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

    /** Which of these persons already hold a seat (for any reason) in the organization. */
    public Set<String> personsHoldingSeats(long orgId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return getEntityManager()
                .createQuery("select distinct s.personKey from Seat s where s.orgId = ?1 and s.personKey in ?2",
                        String.class)
                .setParameter(1, orgId)
                .setParameter(2, keys)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    /** Which of these persons already hold a seat for this source. */
    public Set<String> personsHolding(long orgId, Collection<String> keys, String source) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return getEntityManager()
                .createQuery("select s.personKey from Seat s where s.orgId = ?1 and s.source = ?2"
                        + " and s.personKey in ?3", String.class)
                .setParameter(1, orgId)
                .setParameter(2, source)
                .setParameter(3, keys)
                .getResultStream()
                .collect(Collectors.toSet());
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
