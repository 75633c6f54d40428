package io.tidewatch.account.internal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tidewatch.account.PlatformRole;

/** Finds accounts in the control schema. */
@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    /** The account with this (already normalised) username. */
    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** How many active, unlocked MSSP admins exist. */
    public long countUsableMsspAdmins() {
        return count("platformRole = ?1 and active = true and locked = false", PlatformRole.MSSP_ADMIN);
    }

    /** The active, unlocked account holding the API key with this hash. */
    public Optional<Account> findUsableByApiKeyHash(String hash) {
        return find("apiKeyHash = ?1 and active = true and locked = false", hash).firstResultOptional();
    }
}
