package io.tidewatch.impersonation;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.tidewatch.impersonation.internal.Impersonation;
import io.tidewatch.platform.TokenKey;

/**
 * Issues and checks impersonation tokens: HS256 JWTs signed with the platform's token key, naming the staff member
 * ({@code sub}), the impersonation and the organization, and expiring with the impersonation. Their own audience keeps
 * them apart from any other token signed with the same key.
 */
@ApplicationScoped
class ImpersonationTokens {

    static final String ISSUER = "tidewatch";
    static final String AUDIENCE = "tidewatch-impersonation";
    static final String IMPERSONATION_CLAIM = "impersonation_id";
    static final String ORG_CLAIM = "org_id";

    private final TokenKey key;
    private final JWTParser parser;
    private final JWTAuthContextInfo expected;

    ImpersonationTokens(TokenKey key, JWTParser parser) {
        this.key = key;
        this.parser = parser;
        // Our own expectations, independent of any mp.jwt.verify.* configuration meant for other tokens.
        this.expected = new JWTAuthContextInfo(key.secretKey(), ISSUER);
        this.expected.setExpectedAudience(Set.of(AUDIENCE));
        this.expected.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        this.expected.setRequiredClaims(Set.of(Claims.SUBJECT, IMPERSONATION_CLAIM, ORG_CLAIM));
    }

    /** A token for the impersonation, valid until it expires. */
    String issue(Impersonation impersonation) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(impersonation.staffAccountId))
                .claim(IMPERSONATION_CLAIM, impersonation.id)
                .claim(ORG_CLAIM, impersonation.orgId)
                .issuedAt(impersonation.startedAt)
                .expiresAt(impersonation.expiresAt)
                .jws()
                .algorithm(SignatureAlgorithm.HS256)
                .sign(key.secretKey());
    }

    /** The claims of a genuine, unexpired impersonation token; empty for anything else. */
    Optional<Claims> verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token, expected);
            return Optional.of(new Claims(number(jwt.getSubject()), number(jwt.getClaim(IMPERSONATION_CLAIM)),
                    number(jwt.getClaim(ORG_CLAIM))));
        } catch (ParseException | NumberFormatException e) {
            Log.debugf("Not a valid impersonation token (%s)", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** True for something shaped like a compact JWS (three base64url parts); API keys never are. */
    static boolean looksLikeToken(String credential) {
        int first = credential.indexOf('.');
        int second = first < 0 ? -1 : credential.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && credential.indexOf('.', second + 1) < 0
                && second < credential.length() - 1
                && credential.chars().allMatch(ImpersonationTokens::isTokenChar);
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    private static long number(Object claim) {
        if (claim == null) {
            throw new NumberFormatException("missing claim");
        }
        return Long.parseLong(claim.toString());
    }

    /** What a verified token says. */
    record Claims(long staffAccountId, long impersonationId, long orgId) {

        static final String SUBJECT = "sub";
    }
}
