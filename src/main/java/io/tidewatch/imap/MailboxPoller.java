package io.tidewatch.imap;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import io.quarkus.logging.Log;
import io.tidewatch.campaign.CampaignTracking;

/**
 * One poll of one mailbox, as Gophish's monitor does it: the unseen messages of the folder, each searched for rids of
 * the mailbox's own organization, reported, then marked seen (or deleted when the settings ask and it was a campaign
 * e-mail). A message whose report could not be recorded is left unseen for the next poll.
 */
@ApplicationScoped
class MailboxPoller {

    private final ImapLogin login;
    private final CampaignTracking tracking;
    private final ImapConfig config;

    MailboxPoller(ImapLogin login, CampaignTracking tracking, ImapConfig config) {
        this.login = login;
        this.tracking = tracking;
        this.config = config;
    }

    /** What a poll found. */
    record Outcome(int read, int reported, int skipped, int failed) {
    }

    /** Polls the mailbox until done or until {@code deadline}; throws when the mailbox cannot be read at all. */
    Outcome poll(Mailbox box, Instant deadline) throws MessagingException {
        try (Store store = login.connect(box.host(), box.port(), box.tls(), box.ignoreCertErrors(), box.username(),
                box.password())) {
            Folder folder = store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            Counts counts = new Counts();
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int n = Math.min(unseen.length, config.maxMessages());
                for (int i = 0; i < n && Instant.now().isBefore(deadline); i++) {
                    handle(box, unseen[i], counts);
                }
            } finally {
                folder.close(counts.deleted > 0);
            }
            return new Outcome(counts.read, counts.reported, counts.skipped, counts.failed);
        }
    }

    /** Running totals of one poll. */
    private static final class Counts {
        int read;
        int reported;
        int skipped;
        int failed;
        int deleted;
    }

    private void handle(Mailbox box, Message message, Counts counts) throws MessagingException {
        counts.read++;
        Set<String> rids;
        try {
            if (message.getSize() > config.maxMessageBytes() || !ReportedMail.fromDomain(message, box.restrictDomain())) {
                counts.skipped++;
                message.setFlag(Flags.Flag.SEEN, true);
                return;
            }
            // One fetch of the whole message, parsed here: no dependence on the server's view of its structure.
            rids = ReportedMail.rids(new MimeMessage((MimeMessage) message));
        } catch (IOException | MessagingException | RuntimeException e) {
            // An unreadable message is not retried forever: it is set aside as seen, like Gophish does.
            Log.debugf("IMAP message of organization %d could not be read: %s", box.orgId(), e.getClass().getSimpleName());
            counts.skipped++;
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        List<String> recorded = new ArrayList<>();
        if (!rids.isEmpty()) {
            try {
                recorded.addAll(tracking.recordMailReports(box.orgId(), rids, Instant.now()));
            } catch (RuntimeException e) {
                Log.warnf("Report in the IMAP mailbox of organization %d not recorded, left for the next poll: %s",
                        box.orgId(), e.getClass().getSimpleName());
                counts.failed++;
                message.setFlag(Flags.Flag.SEEN, false);
                return;
            }
        }
        if (recorded.isEmpty()) {
            counts.skipped++;
            message.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        counts.reported++;
        if (box.deleteReported()) {
            message.setFlag(Flags.Flag.DELETED, true);
            counts.deleted++;
        } else {
            message.setFlag(Flags.Flag.SEEN, true);
        }
    }
}
