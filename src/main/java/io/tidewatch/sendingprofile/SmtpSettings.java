package io.tidewatch.sendingprofile;

import java.util.List;

/**
 * What sending through a profile needs, with the password opened: for the SMTP transport only, never serialised.
 * {@link #toString()} leaves the password out.
 */
public record SmtpSettings(String host, int port, String username, String password, String fromAddress,
        boolean ignoreCertErrors, List<HeaderJson> headers) {

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", auth=" + !username.isEmpty() + "]";
    }
}
