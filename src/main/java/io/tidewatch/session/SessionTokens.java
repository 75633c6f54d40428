package io.tidewatch.session;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.tidewatch.account.AccountService;
import io.tidewatch.platform.Tokens;

/**
 * Issues and checks the two signed tokens of this capability, as HS256 JWTs with keys of their own (so one can never
 * pass for the other): the session cookie (account, credential stamp, expiry) and the invitation link (account,
 * organization, credential stamp, expiry). Both embed the account's credential stamp, so a password change ends
 * every session and uses up every invitation.
 */
@ApplicationScoped
class SessionTokens {

    static final String ISSUER = "tidewatch";
    static final String SESSION_AUDIENCE = "tidewatch-session";
    static final String INVITATION_AUDIENCE = "tidewatch-invitation";
    private static final String STAMP = "cst";
    private static final String ORG = "org";

    private final SessionKeys keys;
    private final JWTParser parser;
    private final SessionConfig config;
    private final AccountService accounts;

    SessionTokens(SessionKeys keys, JWTParser parser, SessionConfig config, AccountService accounts) {
        this.keys = keys;
        this.parser = parser;
        this.config = config;
        this.accounts = accounts;
    }

    /** The claims of a valid session token. */
    record SessionClaims(long accountId, String stamp) {
    }

    /** The claims of a valid invitation token. */
    record InvitationClaims(long accountId, long orgId, String stamp) {
    }

    /** A session token for the account as it is now (its current credential stamp). */
    String issueSession(long accountId, String username) {
        String stamp = stamp(accountId);
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(SESSION_AUDIENCE).subject(Long.toString(accountId)).upn(username)
                .claim(STAMP, stamp).claim("jti", Tokens.randomHex(16)).issuedAt(now).expiresAt(now.plus(config.ttl()))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(keys.session());
    }

    Optional<SessionClaims> verifySession(String token) {
        return verify(token, keys.session(), SESSION_AUDIENCE)
                .map(jwt -> new SessionClaims(Long.parseLong(jwt.getSubject()), text(jwt, STAMP)));
    }

    /** An invitation token for the account as it is now; it stops working once a password is set. */
    String issueInvitation(long accountId, String username, long orgId) {
        String stamp = stamp(accountId);
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(INVITATION_AUDIENCE).subject(Long.toString(accountId)).upn(username)
                .claim(ORG, Long.toString(orgId)).claim(STAMP, stamp).issuedAt(now).expiresAt(now.plus(config.invitationTtl()))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(keys.invitation());
    }

    Optional<InvitationClaims> verifyInvitation(String token) {
        return verify(token, keys.invitation(), INVITATION_AUDIENCE).flatMap(jwt -> {
            try {
                return Optional.of(new InvitationClaims(Long.parseLong(jwt.getSubject()), Long.parseLong(text(jwt, ORG)),
                        text(jwt, STAMP)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The account's current credential stamp. */
    String stamp(long accountId) {
        return accounts.credentialStamp(accountId).orElseThrow(() -> new IllegalStateException("no such account"));
    }

    /** A string claim, whether the parser hands it over as a Java or a JSON-P string. */
    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    private Optional<JsonWebToken> verify(String token, SecretKey key, String audience) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setSecretVerificationKey(key);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        context.setIssuedBy(ISSUER);
        context.setExpectedAudience(Set.of(audience));
        context.setClockSkew(30);
        try {
            JsonWebToken jwt = parser.parse(token, context);
            if (jwt.getSubject() == null || text(jwt, STAMP) == null) {
                return Optional.empty();
            }
            Long.parseLong(jwt.getSubject());
            return Optional.of(jwt);
        } catch (ParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
