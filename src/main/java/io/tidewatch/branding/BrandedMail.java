package io.tidewatch.branding;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends the platform's own e-mail (invitations now; training, reminders and reports later) in an organization's
 * name: the display name is its {@code from_name} (else its name), the address the platform's
 * ({@code tidewatch.mail.from}), and replies go to its support address. Templates render the brand themselves (logo,
 * colour, support footer) from the {@link Brand} passed to them. Sending never blocks the caller and never throws. A
 * failed attempt (a relay that dropped a pooled connection, a 4xx) is tried again, {@value #ATTEMPTS} times in all with
 * a growing pause; a message that still fails is logged at WARN with the SMTP reply code, without the recipient's
 * address.
 */
@ApplicationScoped
public class BrandedMail {

    static final int ATTEMPTS = 4;

    private final String fromAddress;

    BrandedMail(@ConfigProperty(name = "tidewatch.mail.from", defaultValue = "tidewatch@localhost") String fromAddress) {
        this.fromAddress = fromAddress.trim();
    }

    /** Addresses the rendered template for {@code brand} and sends it in the background; {@code what} names it in logs. */
    public void send(MailTemplateInstance mail, Brand brand, String to, String subject, String what) {
        MailTemplateInstance addressed = mail.to(to).from(from(brand)).subject(oneLine(subject));
        if (brand.supportEmail() != null) {
            addressed = addressed.replyTo(brand.supportEmail());
        }
        String organization = brand.isTenant() ? String.valueOf(brand.orgId()) : "platform";
        try {
            MailTemplateInstance message = addressed;
            Uni.createFrom().deferred(message::send)
                    .onFailure().invoke(failure -> Log.debugf("An attempt at the %s e-mail of organization %s failed: %s",
                            what, organization, reply(failure)))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(15)).atMost(ATTEMPTS - 1)
                    .subscribe().with(
                            ok -> Log.debugf("Sent the %s e-mail of organization %s", what, organization),
                            failure -> failed(what, organization, failure));
        } catch (RuntimeException e) {
            Log.warnf("Could not send the %s e-mail of organization %s: %s", what, organization, e.getClass().getSimpleName());
        }
    }

    private static void failed(String what, String organization, Throwable failure) {
        Log.warnf("Could not send the %s e-mail of organization %s after %d attempts: %s", what, organization, ATTEMPTS,
                reply(failure));
        // The SMTP server's message may quote the recipient's address: DEBUG only.
        Log.debugf("SMTP failure detail: %s", failure.getMessage());
    }

    /** The failure's kind and, from an SMTP server, its reply code (never its text, which may quote an address). */
    private static String reply(Throwable failure) {
        Throwable cause = failure.getCause() instanceof SMTPException ? failure.getCause() : failure;
        if (cause instanceof SMTPException smtp) {
            return "SMTP reply " + smtp.getReplyCode();
        }
        return failure.getClass().getSimpleName();
    }

    /** The From header: the brand's display name, quoted, and the platform's sending address. */
    String from(Brand brand) {
        String name = oneLine(brand.fromName()).replace("\\", "\\\\").replace("\"", "\\\"");
        return "\"" + name + "\" <" + fromAddress + ">";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t\\u0000-\\u001F\\u2028\\u2029]+", " ").strip();
    }
}
