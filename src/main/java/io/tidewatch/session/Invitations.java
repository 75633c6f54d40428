package io.tidewatch.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;

/**
 * Checks invitation links: a valid signature and expiry, an account that still exists and is active, and a credential
 * stamp that still matches (so the link works until a password is set, and never after).
 */
@ApplicationScoped
class Invitations {

    private final SessionTokens tokens;
    private final AccountService accounts;

    Invitations(SessionTokens tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** An invitation that can still be accepted. */
    record Valid(AccountView account, long orgId) {
    }

    Optional<Valid> check(String token) {
        return tokens.verifyInvitation(token).flatMap(claims -> accounts.find(claims.accountId())
                .filter(AccountView::active)
                .filter(a -> accounts.credentialStamp(a.id()).map(claims.stamp()::equals).orElse(false))
                .map(a -> new Valid(a, claims.orgId())));
    }
}
