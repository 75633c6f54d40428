package io.tidewatch.session;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.branding.Brand;
import io.tidewatch.branding.BrandedMail;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.organization.MemberAdded;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.OrganizationProfile;

/**
 * Invites a new member by e-mail once the membership is committed (however it was added: the members API, Gophish's
 * {@code /api/users/}), in the organization's brand, with a link to set a password. The work runs off the request
 * thread and never fails the request that added the member; accounts whose username is not an e-mail address are
 * skipped.
 */
@ApplicationScoped
class InvitationMailer {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccountService accounts;
    private final OrganizationDirectory directory;
    private final BrandingService branding;
    private final BrandedMail mail;
    private final SessionTokens tokens;
    private final SessionConfig config;
    private final URI publicBase;

    InvitationMailer(AccountService accounts, OrganizationDirectory directory, BrandingService branding, BrandedMail mail,
            SessionTokens tokens, SessionConfig config,
            @ConfigProperty(name = "tidewatch.public-base-url", defaultValue = "http://localhost:3333") String publicBase) {
        this.accounts = accounts;
        this.directory = directory;
        this.branding = branding;
        this.mail = mail;
        this.tokens = tokens;
        this.config = config;
        this.publicBase = URI.create(publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase);
    }

    /** The e-mail templates ({@code templates/mail/invitation.html} and {@code .txt}). */
    @CheckedTemplate(basePath = "mail")
    static class Templates {

        static native MailTemplateInstance invitation(Brand brand, Invitation invitation);
    }

    /** What the invitation says. */
    record Invitation(String username, String organization, String role, String setPasswordUrl, String signInUrl,
            long validHours) {
    }

    void onMemberAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberAdded added) {
        Infrastructure.getDefaultWorkerPool().execute(() -> invite(added));
    }

    private void invite(MemberAdded added) {
        try {
            Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> prepare(added));
            prepared.ifPresent(p -> mail.send(Templates.invitation(p.brand(), p.invitation()), p.brand(), p.to(),
                    "You have been invited to " + p.brand().name(), "invitation"));
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not prepare the invitation of account %d to organization %d", added.accountId(),
                    added.orgId());
        }
    }

    /** The brand, recipient and content of one invitation. */
    private record Prepared(Brand brand, String to, Invitation invitation) {
    }

    private Optional<Prepared> prepare(MemberAdded added) {
        Optional<AccountView> account = accounts.find(added.accountId());
        Optional<OrganizationProfile> org = directory.byId(added.orgId());
        if (account.isEmpty() || org.isEmpty()) {
            return Optional.empty();
        }
        if (!EMAIL.matcher(account.get().username()).matches()) {
            Log.debugf("Account %d has no e-mail address as username: no invitation sent", added.accountId());
            return Optional.empty();
        }
        Brand brand = branding.brand(org);
        String token = tokens.issueInvitation(account.get().id(), account.get().username(), added.orgId());
        String base = baseUrl(org.get());
        Invitation invitation = new Invitation(account.get().username(), org.get().name(), added.role().wireName(),
                base + "/invite/" + token, base + "/login", config.invitationTtl().toHours());
        return Optional.of(new Prepared(brand, account.get().username(), invitation));
    }

    /** The organization's own host (with the public base URL's scheme and port), else the public base URL. */
    private String baseUrl(OrganizationProfile org) {
        if (org.host() == null) {
            return publicBase.toString();
        }
        String port = publicBase.getPort() < 0 ? "" : ":" + publicBase.getPort();
        return publicBase.getScheme() + "://" + org.host() + port;
    }
}
