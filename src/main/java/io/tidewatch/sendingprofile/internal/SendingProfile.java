package io.tidewatch.sendingprofile.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An SMTP sending profile; the password is stored sealed, never in clear. */
@Entity
@Table(name = "sending_profile")
public class SendingProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "interface_type", nullable = false)
    public String interfaceType;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_sealed", nullable = false)
    public String passwordSealed;

    @Column(name = "from_address", nullable = false)
    public String fromAddress;

    @Column(name = "ignore_cert_errors", nullable = false)
    public boolean ignoreCertErrors;

    @Column(name = "modified_date", nullable = false)
    public Instant modifiedDate;
}
