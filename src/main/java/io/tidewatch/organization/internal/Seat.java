package io.tidewatch.organization.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reason a person holds a seat in an organization; the seats used are the distinct persons. */
@Entity
@Table(name = "seat")
public class Seat {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_id", nullable = false)
    public long orgId;

    @Column(name = "person_key", nullable = false, length = 254)
    public String personKey;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
