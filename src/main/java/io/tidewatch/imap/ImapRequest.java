package io.tidewatch.imap;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Gophish's IMAP settings as clients send them: {@code port} and {@code imap_freq} are strings ({@code "993"}); a
 * {@code password} that is absent, empty or the mask leaves the stored one unchanged.
 */
public record ImapRequest(Boolean enabled, String host, @JsonDeserialize(using = GoStringNumber.class) Long port,
        String username, String password, Boolean tls, Boolean ignoreCertErrors, String folder, String restrictDomain,
        Boolean deleteReportedCampaignEmail, @JsonDeserialize(using = GoStringNumber.class) Long imapFreq) {
}
