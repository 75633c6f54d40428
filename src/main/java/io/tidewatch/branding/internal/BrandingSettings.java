package io.tidewatch.branding.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organization's brand colours, e-mail sender name and support address; null fields use the defaults. */
@Entity
@Table(name = "branding")
public class BrandingSettings {

    @Id
    @Column(name = "org_id")
    public Long orgId;

    @Column(name = "primary_color", length = 7)
    public String primaryColor;

    @Column(name = "secondary_color", length = 7)
    public String secondaryColor;

    @Column(name = "from_name", length = 100)
    public String fromName;

    @Column(name = "support_email", length = 254)
    public String supportEmail;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
