package io.tidewatch.sendingprofile;

import java.util.List;

/**
 * A sending profile as clients send it. A {@code password} that is absent, empty or the mask from a GET leaves the
 * stored one unchanged; an empty {@code username} turns authentication off and drops the stored password.
 */
public record ProfileRequest(Long id, String name, String interfaceType, String host, String username, String password,
        String fromAddress, Boolean ignoreCertErrors, List<HeaderJson> headers) {
}
