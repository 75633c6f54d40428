package io.tidewatch.imap.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tenant's one IMAP reporting mailbox (row id 1); the password is stored sealed. */
@Entity
@Table(name = "imap_setting")
public class ImapSetting {

    /** The only row's id. */
    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public int port;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_sealed", nullable = false)
    public String passwordSealed;

    @Column(nullable = false)
    public boolean tls;

    @Column(name = "ignore_cert_errors", nullable = false)
    public boolean ignoreCertErrors;

    @Column(nullable = false)
    public String folder;

    @Column(name = "restrict_domain", nullable = false)
    public String restrictDomain;

    @Column(name = "delete_reported_campaign_email", nullable = false)
    public boolean deleteReportedCampaignEmail;

    @Column(name = "imap_freq", nullable = false)
    public int imapFreq;

    @Column(name = "last_login")
    public Instant lastLogin;

    @Column(name = "modified_date", nullable = false)
    public Instant modifiedDate;

    /** When the monitor next polls the mailbox; null means at once (set so whenever the settings change). */
    @Column(name = "next_poll")
    public Instant nextPoll;
}
