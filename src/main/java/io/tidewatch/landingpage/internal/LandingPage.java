package io.tidewatch.landingpage.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A landing page in the tenant's schema; its HTML is stored as re-serialised on save. */
@Entity
@Table(name = "landing_page")
public class LandingPage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String html;

    @Column(name = "capture_credentials", nullable = false)
    public boolean captureCredentials;

    @Column(name = "capture_passwords", nullable = false)
    public boolean capturePasswords;

    @Column(name = "redirect_url", nullable = false)
    public String redirectUrl;

    @Column(name = "modified_date", nullable = false)
    public Instant modifiedDate;
}
