package io.tidewatch.account;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;

/** {@code POST /api/reset}: rotates the caller's API key and shows the new one once, in Gophish's shape. */
@Path("/api/reset")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final Caller caller;
    private final AccountService accounts;

    ApiKeyResource(Caller caller, AccountService accounts) {
        this.caller = caller;
        this.accounts = accounts;
    }

    @POST
    public Envelope reset(@RestQuery("api_key") String apiKeyParam, @RestHeader("Authorization") String authorization) {
        if (caller.require().isImpersonating()) {
            throw ApiException.forbidden();
        }
        String presented = AuthenticationFilter.credential(apiKeyParam, authorization);
        return Envelope.ok("API Key successfully reset!", accounts.resetApiKey(caller.accountId(), presented));
    }
}
