package io.tidewatch.imap;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.audit.AuditOutcome;
import io.tidewatch.imap.internal.ImapSetting;
import io.tidewatch.imap.internal.ImapSettingRepository;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.secret.Secrets;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Texts;

/**
 * The tenant's IMAP reporting settings with Gophish's rules and messages (validation failures are 400s, not 500s).
 * The password is sealed at rest and never returned; every change is audited.
 */
@ApplicationScoped
public class ImapService {

    static final String INVALID = "Invalid data. Please check your IMAP settings.";
    static final String PASSWORD = "imap.password";
    static final int DEFAULT_FREQ = 60;

    private final ImapSettingRepository settings;
    private final Secrets secrets;
    private final OutboundGuard guard;
    private final ImapLogin login;
    private final AuditLog audit;

    ImapService(ImapSettingRepository settings, Secrets secrets, OutboundGuard guard, ImapLogin login,
            AuditLog audit) {
        this.settings = settings;
        this.secrets = secrets;
        this.guard = guard;
        this.login = login;
        this.audit = audit;
    }

    /** Zero or one settings object, as Gophish lists them. */
    @Transactional
    public List<ImapView> list() {
        return Optional.ofNullable(settings.findById(ImapSetting.ID)).map(ImapService::view).stream().toList();
    }

    /** Replaces the settings. */
    @Transactional
    public void save(ImapRequest request) {
        ImapSetting stored = settings.findById(ImapSetting.ID);
        Checked checked = check(request, stored);
        ImapSetting setting = stored == null ? new ImapSetting() : stored;
        setting.id = ImapSetting.ID;
        setting.enabled = Boolean.TRUE.equals(request.enabled());
        setting.host = checked.host();
        setting.port = checked.port();
        setting.username = checked.username();
        if (!checked.keepPassword()) {
            setting.passwordSealed = secrets.seal(checked.password(), PASSWORD);
        }
        setting.tls = Boolean.TRUE.equals(request.tls());
        setting.ignoreCertErrors = Boolean.TRUE.equals(request.ignoreCertErrors());
        String folder = Texts.atMost(request.folder(), 255, "folder").strip();
        setting.folder = folder.isEmpty() ? "INBOX" : folder;
        setting.restrictDomain = Texts.atMost(request.restrictDomain(), 255, "restrict_domain").strip();
        setting.deleteReportedCampaignEmail = Boolean.TRUE.equals(request.deleteReportedCampaignEmail());
        setting.imapFreq = checked.freq() < 30 || checked.freq() > 31_540_000 ? DEFAULT_FREQ : (int) checked.freq();
        setting.modifiedDate = GoTime.now();
        setting.nextPoll = null;
        if (stored == null) {
            settings.persist(setting);
        }
        audit.record(AuditEvent.of("imap.save").target("imap", ImapSetting.ID)
                .details("enabled=" + setting.enabled));
    }

    /**
     * Logs in to the mailbox the request describes (the stored password when none is given) and logs out: Gophish's
     * {@code /api/imap/validate}. Returns the failure's message, or empty on success.
     */
    public Optional<String> checkLogin(ImapRequest request) {
        try {
            ImapSetting stored = QuarkusTransaction.requiringNew().call(() -> settings.findById(ImapSetting.ID));
            Checked checked = check(request, stored);
            String password = checked.keepPassword() ? secrets.open(stored.passwordSealed, PASSWORD) : checked.password();
            login.check(checked.host(), checked.port(), Boolean.TRUE.equals(request.tls()),
                    Boolean.TRUE.equals(request.ignoreCertErrors()), checked.username(), password);
            audit.record(AuditEvent.of("imap.validate").target("imap", ImapSetting.ID));
            return Optional.empty();
        } catch (ApiException e) {
            audit.record(AuditEvent.of("imap.validate").target("imap", ImapSetting.ID).outcome(AuditOutcome.FAILURE));
            return Optional.of(e.getMessage());
        }
    }

    /** The request's settings, checked in Gophish's order with Gophish's messages. */
    private record Checked(String host, int port, String username, String password, boolean keepPassword, long freq) {
    }

    private Checked check(ImapRequest request, ImapSetting stored) {
        long port = request.port() == null ? 0 : request.port();
        long freq = request.imapFreq() == null ? 0 : request.imapFreq();
        if (port > 65535 || freq > 4_294_967_295L) {
            throw ApiException.badRequest(INVALID);
        }
        String host = Texts.atMost(request.host(), 255, "host").strip();
        String username = Texts.atMost(request.username(), 255, "username");
        String password = Texts.atMost(request.password(), 512, "password");
        boolean keepPassword = password.isEmpty() || ImapView.MASK.equals(password);
        if (host.isEmpty()) {
            throw ApiException.badRequest("No IMAP Host specified");
        }
        if (port == 0) {
            throw ApiException.badRequest("No IMAP Port specified");
        }
        if (username.isEmpty()) {
            throw ApiException.badRequest("No Username specified");
        }
        if (keepPassword && (stored == null || stored.passwordSealed.isEmpty())) {
            throw ApiException.badRequest("No Password specified");
        }
        checkHost(host);
        return new Checked(host, (int) port, username, password, keepPassword, freq);
    }

    /** The host must resolve (Gophish's rule) to an address the outbound guard allows. */
    private void checkHost(String host) {
        try {
            guard.resolve(host);
        } catch (ApiException e) {
            if (e.getMessage().startsWith("Could not resolve")) {
                throw ApiException.badRequest("Invalid IMAP server address");
            }
            throw e;
        }
    }

    private static ImapView view(ImapSetting s) {
        return new ImapView(s.enabled, s.host, s.port == 0 ? "" : Integer.toString(s.port), s.username,
                s.passwordSealed.isEmpty() ? "" : ImapView.MASK, s.tls, s.ignoreCertErrors, s.folder, s.restrictDomain,
                s.deleteReportedCampaignEmail, GoTime.format(s.lastLogin), GoTime.format(s.modifiedDate),
                s.imapFreq == 0 ? "" : Integer.toString(s.imapFreq));
    }
}
