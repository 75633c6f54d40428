package io.tidewatch.account.internal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.tenancy.TenantSchemas;

/** Finds accounts in the control schema. */
@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    /**
     * Whether any account exists. Plain SQL: it runs while the service starts, where the first query language
     * statement would cost the start its parser's set-up.
     */
    public boolean anyExists() {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM " + TenantSchemas.CONTROL + ".account")
                .setMaxResults(1).getResultList().isEmpty();
    }

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
