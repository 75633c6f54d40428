package io.tidewatch.campaign.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.campaign.CampaignMaterials;
import io.tidewatch.group.GroupService;
import io.tidewatch.group.GroupView;
import io.tidewatch.landingpage.PageService;
import io.tidewatch.landingpage.PageView;
import io.tidewatch.sendingprofile.ProfileView;
import io.tidewatch.sendingprofile.SendingProfileService;
import io.tidewatch.sendingprofile.SmtpSettings;
import io.tidewatch.template.TemplateService;
import io.tidewatch.template.TemplateView;

/**
 * The campaign's materials as the tenant's template, landing page, sending profile and group services hold them:
 * looked up by name (Gophish) or by id (Tidewatch), in the tenant the unit of work acts in.
 */
@ApplicationScoped
public class ServiceMaterials implements CampaignMaterials {

    private final TemplateService templates;
    private final PageService pages;
    private final SendingProfileService profiles;
    private final GroupService groups;

    ServiceMaterials(TemplateService templates, PageService pages, SendingProfileService profiles, GroupService groups) {
        this.templates = templates;
        this.pages = pages;
        this.profiles = profiles;
        this.groups = groups;
    }

    @Override
    public Optional<TemplateMaterial> template(MaterialRef ref) {
        Optional<TemplateView> view = ref.isByName() ? templates.findByName(ref.name()) : templates.find(ref.id());
        return view.map(t -> new TemplateMaterial(t.id(), t.name(), t.envelopeSender(), t.subject(), t.text(), t.html(),
                instant(t.modifiedDate()), t.attachments().stream()
                        .map(a -> new AttachmentMaterial(a.name(), a.type(), a.content())).toList()));
    }

    @Override
    public Optional<PageMaterial> page(MaterialRef ref) {
        Optional<PageView> view = ref.isByName() ? pages.findByName(ref.name()) : pages.find(ref.id());
        return view.map(p -> new PageMaterial(p.id(), p.name(), p.html(), p.captureCredentials(), p.capturePasswords(),
                p.redirectUrl(), instant(p.modifiedDate())));
    }

    @Override
    public Optional<ProfileMaterial> profile(MaterialRef ref) {
        Optional<ProfileView> view = ref.isByName() ? profiles.findByName(ref.name()) : profiles.find(ref.id());
        return view.flatMap(p -> profiles.settings(p.id()).map(s -> profile(p, s)));
    }

    @Override
    public Optional<GroupMaterial> group(MaterialRef ref) {
        Optional<GroupView> view = ref.isByName() ? groups.findByName(ref.name()) : groups.find(ref.id());
        return view.map(g -> new GroupMaterial(g.id(), g.name(), instant(g.modifiedDate()), g.targets().stream()
                .map(t -> new TargetMaterial(t.email(), t.firstName(), t.lastName(), t.position())).toList()));
    }

    @Override
    public Set<Long> existing(MaterialKind kind, Collection<Long> ids) {
        Set<Long> found = new LinkedHashSet<>();
        for (long id : ids) {
            boolean exists = switch (kind) {
                case TEMPLATE -> templates.find(id).isPresent();
                case PAGE -> pages.find(id).isPresent();
                case PROFILE -> profiles.find(id).isPresent();
            };
            if (exists) {
                found.add(id);
            }
        }
        return found;
    }

    private static ProfileMaterial profile(ProfileView view, SmtpSettings settings) {
        List<HeaderMaterial> headers = settings.headers().stream().map(h -> new HeaderMaterial(h.key(), h.value())).toList();
        return new ProfileMaterial(view.id(), view.name(), view.host(), settings.username(), settings.password(),
                settings.fromAddress(), settings.ignoreCertErrors(), headers, instant(view.modifiedDate()));
    }

    private static Instant instant(String goTime) {
        return goTime == null || goTime.isEmpty() ? Instant.EPOCH : Instant.parse(goTime);
    }
}
