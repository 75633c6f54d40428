package io.tidewatch.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tidewatch.account.PlatformRole;

/** A person or automation that signs in: MSSP staff or a client organization's account. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 254)
    public String username;

    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "platform_role", nullable = false, length = 16)
    public PlatformRole platformRole;

    @Column(name = "can_impersonate", nullable = false)
    public boolean canImpersonate;

    @Column(name = "api_key_hash", length = 64)
    public String apiKeyHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "password_change_required", nullable = false)
    public boolean passwordChangeRequired;

    @Column(name = "default_org_id")
    public Long defaultOrgId;

    @Column(name = "last_login")
    public Instant lastLogin;

    /** Raised by every sign-out; part of the credential stamp, so it ends every session issued before. */
    @Column(name = "session_generation", nullable = false)
    public int sessionGeneration;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
