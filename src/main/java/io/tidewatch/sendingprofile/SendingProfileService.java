package io.tidewatch.sendingprofile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.secret.Secrets;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.platform.web.UniqueNames;
import io.tidewatch.sendingprofile.internal.ProfileHeader;
import io.tidewatch.sendingprofile.internal.ProfileHeaderRepository;
import io.tidewatch.sendingprofile.internal.SendingProfile;
import io.tidewatch.sendingprofile.internal.SendingProfileRepository;

/**
 * Creates, changes and deletes sending profiles with Gophish's rules and messages (every validation failure a 400).
 * Passwords are sealed at rest and never returned; every change is audited.
 */
@ApplicationScoped
public class SendingProfileService {

    static final String NOT_FOUND = "SMTP not found";
    static final String NAME_IN_USE = "SMTP name already in use";
    static final String PASSWORD = "smtp.password";

    private final SendingProfileRepository profiles;
    private final ProfileHeaderRepository headers;
    private final Secrets secrets;
    private final OutboundGuard guard;
    private final AuditLog audit;

    SendingProfileService(SendingProfileRepository profiles, ProfileHeaderRepository headers, Secrets secrets,
            OutboundGuard guard, AuditLog audit) {
        this.profiles = profiles;
        this.headers = headers;
        this.secrets = secrets;
        this.guard = guard;
        this.audit = audit;
    }

    /** The tenant's profiles, oldest first. */
    @Transactional
    public List<ProfileView> list(Paging paging) {
        return views(profiles.listPage(paging));
    }

    /** One profile by id. */
    @Transactional
    public Optional<ProfileView> find(long id) {
        return Optional.ofNullable(profiles.findById(id)).map(p -> views(List.of(p)).get(0));
    }

    /** One profile by its exact name. */
    @Transactional
    public Optional<ProfileView> findByName(String name) {
        return profiles.findByName(Texts.orEmpty(name)).map(p -> views(List.of(p)).get(0));
    }

    /** What sending through the named profile needs, password opened; empty when no such profile. */
    @Transactional
    public Optional<SmtpSettings> settingsByName(String name) {
        return profiles.findByName(Texts.orEmpty(name)).map(this::settings);
    }

    /** What sending through the profile needs, password opened; empty when no such profile. */
    @Transactional
    public Optional<SmtpSettings> settings(long id) {
        return Optional.ofNullable(profiles.findById(id)).map(this::settings);
    }

    /** Settings from a full profile given inline (send_test_email); 400 with Gophish's message when invalid. */
    public SmtpSettings inlineSettings(ProfileRequest request) {
        ProfileRules.HostPort hostPort = ProfileRules.validate(request, guard);
        String username = Texts.orEmpty(request.username());
        return new SmtpSettings(hostPort.host(), hostPort.port(), username,
                username.isEmpty() ? "" : Texts.orEmpty(request.password()), request.fromAddress().strip(),
                Boolean.TRUE.equals(request.ignoreCertErrors()), ProfileRules.headers(request.headers()));
    }

    /** Creates a profile; 409 when the name is taken, 400 when it does not validate. */
    @Transactional
    public ProfileView create(ProfileRequest request) {
        String name = Texts.orEmpty(request.name()).strip();
        if (profiles.findByName(name).isPresent()) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        SendingProfile profile = new SendingProfile();
        profile.passwordSealed = "";
        List<HeaderJson> given = apply(profile, request);
        UniqueNames.persist(profiles, profile, NAME_IN_USE);
        store(profile.id, given);
        audit.record(AuditEvent.of("sending_profile.create").target("sending_profile", profile.id));
        return find(profile.id).orElseThrow();
    }

    /** Replaces a profile, keeping the stored password unless a new one is given. */
    @Transactional
    public ProfileView update(long id, ProfileRequest request) {
        SendingProfile profile = existing(id);
        if (request.id() != null && request.id() != 0 && request.id() != id) {
            throw ApiException.badRequest("/:id and /:smtp_id mismatch");
        }
        Optional<SendingProfile> sameName = profiles.findByName(Texts.orEmpty(request.name()).strip());
        if (sameName.isPresent() && !sameName.get().id.equals(id)) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        List<HeaderJson> given = apply(profile, request);
        UniqueNames.flush(profiles, NAME_IN_USE);
        headers.deleteByProfile(id);
        store(id, given);
        audit.record(AuditEvent.of("sending_profile.update").target("sending_profile", id));
        return find(id).orElseThrow();
    }

    /** Deletes a profile and its headers. */
    @Transactional
    public void delete(long id) {
        SendingProfile profile = existing(id);
        headers.deleteByProfile(id);
        profiles.delete(profile);
        audit.record(AuditEvent.of("sending_profile.delete").target("sending_profile", id));
    }

    private SendingProfile existing(long id) {
        SendingProfile profile = profiles.findById(id);
        if (profile == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return profile;
    }

    private List<HeaderJson> apply(SendingProfile profile, ProfileRequest request) {
        String name = Texts.atMost(request.name(), 255, "name").strip();
        if (name.isEmpty()) {
            throw ApiException.badRequest("SMTP name not specified");
        }
        ProfileRules.validate(request, guard);
        profile.name = name;
        profile.interfaceType = "SMTP";
        profile.host = request.host().strip();
        profile.username = Texts.orEmpty(request.username());
        profile.fromAddress = request.fromAddress().strip();
        profile.ignoreCertErrors = Boolean.TRUE.equals(request.ignoreCertErrors());
        String password = request.password();
        if (profile.username.isEmpty()) {
            profile.passwordSealed = "";
        } else if (password != null && !password.isEmpty() && !ProfileView.MASK.equals(password)) {
            profile.passwordSealed = secrets.seal(password, PASSWORD);
        }
        profile.modifiedDate = GoTime.now();
        return ProfileRules.headers(request.headers());
    }

    private void store(long profileId, List<HeaderJson> given) {
        for (HeaderJson header : given) {
            ProfileHeader row = new ProfileHeader();
            row.profileId = profileId;
            row.key = header.key();
            row.value = Texts.orEmpty(header.value());
            headers.persist(row);
        }
    }

    private SmtpSettings settings(SendingProfile profile) {
        ProfileRules.HostPort hostPort = ProfileRules.hostPort(profile.host);
        List<HeaderJson> own = headers.listByProfiles(List.of(profile.id)).stream()
                .map(h -> new HeaderJson(h.key, h.value)).toList();
        return new SmtpSettings(hostPort.host(), hostPort.port(), profile.username,
                secrets.open(profile.passwordSealed, PASSWORD), profile.fromAddress, profile.ignoreCertErrors, own);
    }

    private List<ProfileView> views(List<SendingProfile> page) {
        Map<Long, List<HeaderJson>> byProfile = new LinkedHashMap<>();
        page.forEach(p -> byProfile.put(p.id, new ArrayList<>()));
        for (ProfileHeader h : headers.listByProfiles(byProfile.keySet())) {
            byProfile.get(h.profileId).add(new HeaderJson(h.key, h.value));
        }
        return page.stream().map(p -> new ProfileView(p.id, p.interfaceType, p.name, p.host, p.username,
                p.passwordSealed.isEmpty() ? "" : ProfileView.MASK, p.fromAddress, p.ignoreCertErrors,
                List.copyOf(byProfile.get(p.id)), GoTime.format(p.modifiedDate))).toList();
    }
}
