package io.tidewatch.account;

import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tidewatch.account.internal.Account;
import io.tidewatch.account.internal.AccountRepository;
import io.tidewatch.platform.Tokens;

/**
 * On the very first start, creates the MSSP admin {@code admin}. Credentials come from the environment when given;
 * otherwise they are generated and printed once (as Gophish does), and the password must be changed at first
 * sign-in. Several replicas starting together create it once: the unique username decides.
 */
@Singleton
class InitialAdmin {

    static final String USERNAME = "admin";

    private final AccountRepository accounts;
    private final AccountConfig config;

    InitialAdmin(AccountRepository accounts, AccountConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        validate();
        if (QuarkusTransaction.requiringNew().call(accounts::anyExists)) {
            return;
        }
        String password = config.password().orElseGet(() -> Tokens.randomHex(8));
        String apiKey = config.apiKey().orElseGet(() -> Tokens.randomHex(32));
        try {
            QuarkusTransaction.requiringNew().run(() -> accounts.persistAndFlush(admin(password, apiKey)));
        } catch (RuntimeException e) {
            Log.infof("The initial MSSP admin was created by another instance");
            return;
        }
        if (config.password().isEmpty() || config.apiKey().isEmpty()) {
            // Printed once, by design: this is the only way an operator learns the generated credentials.
            Log.infof("Created the initial MSSP admin '%s'. Password: %s  API key: %s  (shown once; the password must"
                    + " be changed at first sign-in)", USERNAME, config.password().isEmpty() ? password : "(from environment)",
                    config.apiKey().isEmpty() ? apiKey : "(from environment)");
        } else {
            Log.infof("Created the initial MSSP admin '%s' with the credentials from the environment", USERNAME);
        }
    }

    /** Refuses to start with credentials from the environment that the API itself would not accept. */
    private void validate() {
        if (config.password().isPresent() && config.password().get().length() < AccountService.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("TIDEWATCH_INITIAL_ADMIN_PASSWORD must be at least "
                    + AccountService.MIN_PASSWORD_LENGTH + " characters");
        }
        if (config.apiKey().isPresent() && !config.apiKey().get().matches("[0-9A-Za-z]{32,128}")) {
            throw new IllegalStateException("TIDEWATCH_INITIAL_ADMIN_API_KEY must be 32 to 128 letters or digits"
                    + " (64 hex characters, like the keys Tidewatch generates, is best)");
        }
    }

    private Account admin(String password, String apiKey) {
        Account admin = new Account();
        admin.username = USERNAME;
        admin.platformRole = PlatformRole.MSSP_ADMIN;
        admin.canImpersonate = true;
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.passwordChangeRequired = config.password().isEmpty();
        admin.apiKeyHash = Tokens.sha256(apiKey);
        admin.createdAt = Instant.now();
        admin.updatedAt = admin.createdAt;
        return admin;
    }
}
