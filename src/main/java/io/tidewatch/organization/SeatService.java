package io.tidewatch.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.audit.AuditOutcome;
import io.tidewatch.organization.internal.Organization;
import io.tidewatch.organization.internal.OrganizationRepository;
import io.tidewatch.organization.internal.SeatRepository;
import io.tidewatch.platform.web.ApiException;

/**
 * Admits people to an organization within its seat cap. Every admission locks the organization row first, so
 * concurrent admissions queue and the cap holds exactly; a refused admission writes nothing and answers 402.
 */
@ApplicationScoped
public class SeatService {

    private final OrganizationRepository organizations;
    private final SeatRepository seats;
    private final AuditLog audit;

    SeatService(OrganizationRepository organizations, SeatRepository seats, AuditLog audit) {
        this.organizations = organizations;
        this.seats = seats;
        this.audit = audit;
    }

    /**
     * Gives each person a seat for {@code source}, all or none: if the new persons do not all fit under the cap, nothing
     * is written and a 402 names the cap. Persons already holding a seat for another reason take no new one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(long orgId, Collection<String> persons, SeatSource source) {
        Organization org = organizations.findById(orgId, LockModeType.PESSIMISTIC_WRITE);
        if (org == null) {
            throw ApiException.notFound("Organization not found");
        }
        Set<String> keys = normalize(persons);
        SeatRepository.Holders holders = seats.holders(orgId, source.name());
        Set<String> newPersons = new LinkedHashSet<>(keys);
        newPersons.removeAll(holders.persons());
        long used = holders.persons().size();
        if (used + newPersons.size() > org.seatCap) {
            audit.record(AuditEvent.of("seat.cap_rejected").org(orgId).outcome(AuditOutcome.DENIED)
                    .details("requested " + newPersons.size() + " new seat(s); " + used + " of " + org.seatCap + " used"));
            throw ApiException.paymentRequired(capMessage(org.seatCap, used, newPersons.size()));
        }
        Set<String> toInsert = new LinkedHashSet<>(keys);
        toInsert.removeAll(holders.forSource());
        seats.insertAll(orgId, toInsert, source.name(), Instant.now());
    }

    /** Drops one reason for a person's seat; the seat is free once no reason is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long orgId, String person, SeatSource source) {
        seats.release(orgId, key(person), source.name());
    }

    /** Drops one reason for each of these persons' seats, in bulk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseAll(long orgId, Collection<String> persons, SeatSource source) {
        seats.releaseAll(orgId, normalize(persons), source.name());
    }

    /** Drops a person's seats of this source in every organization. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseEverywhere(String person, SeatSource source) {
        seats.releaseEverywhere(key(person), source.name());
    }

    /** Seats in use: the distinct persons holding one. */
    public long used(long orgId) {
        return seats.countPersons(orgId);
    }

    static String capMessage(int cap, long used, int requested) {
        String state = used >= cap ? " reached: " : " would be exceeded: ";
        return "Seat cap of " + cap + state + used + " of " + cap + " seats are in use and this would add " + requested
                + ". Raise the organization's seat_cap or free seats first.";
    }

    private static Set<String> normalize(Collection<String> persons) {
        Set<String> keys = new LinkedHashSet<>();
        for (String person : persons) {
            keys.add(key(person));
        }
        return keys;
    }

    private static String key(String person) {
        return person.trim().toLowerCase(Locale.ROOT);
    }
}
