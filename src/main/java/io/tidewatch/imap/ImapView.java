package io.tidewatch.imap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Gophish's IMAP object: {@code port} and {@code imap_freq} as strings, omitted when zero; the password never, only
 * {@value #MASK} when one is stored.
 */
@JsonPropertyOrder({ "enabled", "host", "port", "username", "password", "tls", "ignore_cert_errors", "folder",
        "restrict_domain", "delete_reported_campaign_email", "last_login", "modified_date", "imap_freq" })
public record ImapView(boolean enabled, String host, @JsonInclude(JsonInclude.Include.NON_EMPTY) String port,
        String username, String password, boolean tls, boolean ignoreCertErrors, String folder, String restrictDomain,
        boolean deleteReportedCampaignEmail, String lastLogin, String modifiedDate,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String imapFreq) {

    /** What a response shows for a stored password; sent back, it means "unchanged". */
    public static final String MASK = "********";
}
