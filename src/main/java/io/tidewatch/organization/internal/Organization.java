package io.tidewatch.organization.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client organization: one tenant with its own schema. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 63)
    public String slug;

    @Column(length = 253)
    public String host;

    @Column(name = "seat_cap", nullable = false)
    public int seatCap;

    @Column(name = "support_url", length = 2048)
    public String supportUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrgStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
