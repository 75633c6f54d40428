package io.tidewatch.impersonation.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One impersonation of an organization by an MSSP staff member, from start to end or expiry. */
@Entity
@Table(name = "impersonation")
public class Impersonation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_account_id", nullable = false)
    public long staffAccountId;

    @Column(name = "staff_username", nullable = false, length = 254)
    public String staffUsername;

    @Column(name = "org_id", nullable = false)
    public long orgId;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public Long endedBy;

    @Convert(converter = EndReasonConverter.class)
    @Column(name = "end_reason", length = 16)
    public EndReason endReason;

    /** True until it is ended or its time runs out, whether or not the expiry job has marked it yet. */
    public boolean isRunningAt(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }
}
