package io.tidewatch.tenancy.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row in every tenant schema naming the organization that owns it. */
@Entity
@Table(name = "tenant_identity")
public class TenantIdentity {

    @Id
    public Integer id;

    @Column(name = "org_id", nullable = false)
    public long orgId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
