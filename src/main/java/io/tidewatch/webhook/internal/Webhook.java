package io.tidewatch.webhook.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A webhook of the tenant; the signing secret is stored sealed. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String url;

    @Column(name = "secret_sealed", nullable = false)
    public String secretSealed;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "modified_date", nullable = false)
    public Instant modifiedDate;
}
