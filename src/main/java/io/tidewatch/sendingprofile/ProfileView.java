package io.tidewatch.sendingprofile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Gophish's SMTP object, fields in Gophish's order. {@code username} and {@code password} are omitted when empty, as
 * in Gophish; a stored password is never returned, only the mask {@value #MASK}.
 */
@JsonPropertyOrder({ "id", "interface_type", "name", "host", "username", "password", "from_address",
        "ignore_cert_errors", "headers", "modified_date" })
public record ProfileView(long id, String interfaceType, String name, String host,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String username,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String password, String fromAddress, boolean ignoreCertErrors,
        List<HeaderJson> headers, String modifiedDate) {

    /** What a response shows for a stored secret; sent back, it means "unchanged". */
    public static final String MASK = "********";
}
