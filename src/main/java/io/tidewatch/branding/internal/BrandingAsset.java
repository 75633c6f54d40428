package io.tidewatch.branding.internal;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded logo or favicon, as served: checked, sanitized (SVG), with its type and SHA-256 (the ETag). */
@Entity
@Table(name = "branding_asset")
public class BrandingAsset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "org_id", nullable = false)
    public long orgId;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(name = "content_type", nullable = false, length = 64)
    public String contentType;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
