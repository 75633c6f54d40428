package io.tidewatch.imap;

/** One tenant's reporting mailbox as the monitor polls it, with the password opened; never logged whole. */
record Mailbox(long orgId, String host, int port, String username, String password, boolean tls,
        boolean ignoreCertErrors, String folder, String restrictDomain, boolean deleteReported) {

    @Override
    public String toString() {
        return "Mailbox[organization " + orgId + ", port " + port + "]";
    }
}
