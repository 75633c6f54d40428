package io.tidewatch.mailer;

/**
 * Where and how to connect for a sending profile: host, port (25 when the profile names none), credentials and the
 * certificate policy. Sessions are pooled per server; the password lives only in memory and never in
 * {@link #toString()}.
 */
record SmtpServer(String host, int port, String username, String password, boolean ignoreCertErrors) {

    /** Parses Gophish's {@code host[:port]}; 400-free: a bad value yields port 25 and fails at connect. */
    static SmtpServer of(String hostPort, String username, String password, boolean ignoreCertErrors) {
        String value = hostPort == null ? "" : hostPort.trim();
        String host = value;
        int port = 25;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            host = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = 25;
            }
        }
        return new SmtpServer(host, port, username == null ? "" : username, password == null ? "" : password,
                ignoreCertErrors);
    }

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", auth=" + !username.isEmpty() + "]";
    }
}
