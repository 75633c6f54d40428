package io.tidewatch.organization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.organization.OrganizationValidator.Valid;
import io.tidewatch.organization.internal.OrgStatus;
import io.tidewatch.organization.internal.Organization;
import io.tidewatch.organization.internal.OrganizationExport;
import io.tidewatch.organization.internal.OrganizationExportRepository;
import io.tidewatch.organization.internal.OrganizationRepository;
import io.tidewatch.organization.internal.SeatRepository;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.tenancy.TenantMigrator;

/**
 * The organization lifecycle. Creating one creates and migrates its schema within the request and makes the creator
 * its admin; deleting one first stores a full export, then drops the schema. Neither leaves anything half-done: a
 * provisioning row is invisible until its schema is ready, and is removed with its schema if migration fails.
 */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final OrganizationExportRepository exports;
    private final SeatRepository seats;
    private final MembershipService members;
    private final TenantMigrator migrator;
    private final OrganizationExporter exporter;
    private final AuditLog audit;
    private final Event<OrganizationChanged> changed;

    OrganizationService(OrganizationRepository organizations, OrganizationExportRepository exports, SeatRepository seats,
            MembershipService members, TenantMigrator migrator, OrganizationExporter exporter, AuditLog audit,
            Event<OrganizationChanged> changed) {
        this.organizations = organizations;
        this.exports = exports;
        this.seats = seats;
        this.members = members;
        this.migrator = migrator;
        this.exporter = exporter;
        this.audit = audit;
        this.changed = changed;
    }

    /** Creates the organization, its schema and the creator's admin membership. */
    public OrganizationView create(OrganizationRequest request, long creatorAccountId) {
        Valid valid = OrganizationValidator.validate(request);
        long id = QuarkusTransaction.requiringNew().call(() -> insertProvisioning(valid));
        try {
            migrator.migrate(id);
        } catch (RuntimeException e) {
            Log.errorf(e, "Creating the schema of organization %d failed; removing it", id);
            discard(id);
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> activate(id, creatorAccountId));
    }

    /** Replaces the organization's editable fields. */
    public OrganizationView update(long id, OrganizationRequest request) {
        Valid valid = OrganizationValidator.validate(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            Organization org = organizations.findActive(id).orElseThrow(OrganizationService::notFound);
            requireUnique(valid, id);
            org.name = valid.name();
            org.slug = valid.slug();
            org.seatCap = valid.seatCap();
            org.supportUrl = valid.supportUrl();
            org.host = valid.host();
            org.updatedAt = Instant.now();
            flushUnique();
            audit.record(AuditEvent.of("organization.update").platform().org(id).target("organization", id));
            changed.fire(new OrganizationChanged(id));
            return view(org, seats.countPersons(id));
        });
    }

    /**
     * Stores a full export of the organization, drops its schema and removes it with its client accounts (which
     * belonged to it alone); returns the export's id. The organization is first marked as being deleted under a row
     * lock, so a second delete at the same time finds nothing to delete.
     */
    public long delete(long id, long actorAccountId) {
        Organization org = QuarkusTransaction.requiringNew().call(() -> markDeleting(id));
        byte[] zip;
        long exportId;
        try {
            zip = exporter.export(org.id, org.slug, org.name);
            exportId = QuarkusTransaction.requiringNew().call(() -> storeExport(org, zip, actorAccountId));
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> organizations.findById(id).status = OrgStatus.ACTIVE);
            throw e;
        }
        migrator.drop(id);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> clients = members.clientAccountIds(id);
            organizations.deleteById(id);
            organizations.flush();
            members.deleteAccounts(clients);
            audit.record(AuditEvent.of("organization.delete").platform().org(id).target("organization", id)
                    .details("slug=" + org.slug + ", export=" + exportId + ", client accounts removed=" + clients.size()));
            changed.fire(new OrganizationChanged(id));
        });
        Log.infof("Deleted organization %d after storing export %d (%d bytes)", id, exportId, zip.length);
        return exportId;
    }

    /** The active organizations with the given ids, or all of them when {@code ids} is empty and {@code all}. */
    public List<OrganizationView> list(Optional<List<Long>> ids) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<Long, Long> used = seats.countPersonsByOrg();
            List<Organization> found = ids.map(organizations::listActive).orElseGet(organizations::listActive);
            return found.stream().map(o -> view(o, used.getOrDefault(o.id, 0L))).toList();
        });
    }

    /** One active organization. */
    public Optional<OrganizationView> find(long id) {
        return organizations.findActive(id).map(o -> view(o, seats.countPersons(o.id)));
    }

    /** True while the organization's row exists, whatever its status (provisioning, active or being deleted). */
    public boolean exists(long id) {
        return organizations.findById(id) != null;
    }

    /** A stored export's ZIP. */
    public Optional<byte[]> exportContent(long exportId) {
        return exports.findByIdOptional(exportId).map(e -> e.content);
    }

    private Organization markDeleting(long id) {
        Organization org = organizations.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (org == null || org.status != OrgStatus.ACTIVE) {
            throw notFound();
        }
        org.status = OrgStatus.DELETING;
        changed.fire(new OrganizationChanged(id));
        return org;
    }

    private long insertProvisioning(Valid valid) {
        requireUnique(valid, null);
        Organization org = new Organization();
        org.name = valid.name();
        org.slug = valid.slug();
        org.seatCap = valid.seatCap();
        org.supportUrl = valid.supportUrl();
        org.host = valid.host();
        org.status = OrgStatus.PROVISIONING;
        org.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        org.updatedAt = org.createdAt;
        try {
            organizations.persist(org);
            organizations.flush();
        } catch (PersistenceException e) {
            throw duplicate();
        }
        return org.id;
    }

    private OrganizationView activate(long id, long creatorAccountId) {
        Organization org = organizations.findById(id);
        org.status = OrgStatus.ACTIVE;
        organizations.flush();
        audit.record(AuditEvent.of("organization.create").platform().org(id).target("organization", id)
                .details("slug=" + org.slug));
        members.add(id, creatorAccountId, OrgRole.ADMIN, false);
        changed.fire(new OrganizationChanged(id));
        Log.infof("Created organization %d with its schema", id);
        return view(org, seats.countPersons(id));
    }

    private void discard(long id) {
        try {
            migrator.drop(id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> organizations.deleteById(id));
        }
    }

    private long storeExport(Organization org, byte[] zip, long actorAccountId) {
        OrganizationExport export = new OrganizationExport();
        export.orgId = org.id;
        export.orgSlug = org.slug;
        export.orgName = org.name;
        export.createdBy = actorAccountId;
        export.createdAt = Instant.now();
        export.sizeBytes = zip.length;
        export.content = zip;
        exports.persist(export);
        audit.record(AuditEvent.of("organization.export").platform().org(org.id).target("organization_export", export.id)
                .details(zip.length + " bytes"));
        return export.id;
    }

    private void requireUnique(Valid valid, Long self) {
        organizations.findBySlug(valid.slug()).filter(o -> !o.id.equals(self)).ifPresent(o -> {
            throw ApiException.conflict("slug: an organization with this slug already exists");
        });
        if (valid.host() != null) {
            organizations.findByHost(valid.host()).filter(o -> !o.id.equals(self)).ifPresent(o -> {
                throw ApiException.conflict("host: an organization with this host already exists");
            });
        }
    }

    /** Flushes so that a concurrent duplicate surfaces as 409 here rather than as a failed commit. */
    private void flushUnique() {
        try {
            organizations.flush();
        } catch (PersistenceException e) {
            throw duplicate();
        }
    }

    private static ApiException duplicate() {
        return ApiException.conflict("slug or host: an organization with this slug or host already exists");
    }

    private static OrganizationView view(Organization o, long seatsUsed) {
        return new OrganizationView(o.id, o.name, o.slug, o.seatCap, seatsUsed, o.supportUrl, o.host, o.createdAt);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Organization not found");
    }
}
