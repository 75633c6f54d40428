package io.tidewatch.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a campaign is built from, looked up in the current tenant (the caller has entered it, inside a transaction):
 * e-mail templates, landing pages, sending profiles and groups. Campaigns copy what they need at creation, so this is
 * only asked at creation, for the profile password at send time, and for whether a resource still exists.
 */
public interface CampaignMaterials {

    /** The template {@code ref} names, if it exists in the tenant. */
    Optional<TemplateMaterial> template(MaterialRef ref);

    /** The landing page {@code ref} names, if it exists in the tenant. */
    Optional<PageMaterial> page(MaterialRef ref);

    /** The sending profile {@code ref} names, with its password opened, if it exists in the tenant. */
    Optional<ProfileMaterial> profile(MaterialRef ref);

    /** The group {@code ref} names, with all its targets, if it exists in the tenant. */
    Optional<GroupMaterial> group(MaterialRef ref);

    /** Which of {@code ids} still exist as resources of {@code kind} in the tenant. */
    Set<Long> existing(MaterialKind kind, Collection<Long> ids);

    /** The resources a campaign refers to. */
    enum MaterialKind {
        /** E-mail templates. */
        TEMPLATE,
        /** Landing pages. */
        PAGE,
        /** Sending profiles. */
        PROFILE
    }

    /**
     * A reference as Gophish clients send it: by {@code name} (what Gophish uses), or by {@code id} when no name is
     * given (a Tidewatch extension). An id of 0 and an empty name reference nothing.
     */
    record MaterialRef(long id, String name) {

        /** A reference by exact name. */
        public static MaterialRef byName(String name) {
            return new MaterialRef(0, name);
        }

        /** A reference by id. */
        public static MaterialRef byId(long id) {
            return new MaterialRef(id, "");
        }

        /** True when the name decides (it is present). */
        public boolean isByName() {
            return name != null && !name.isEmpty();
        }

        /** True when this references anything at all. */
        public boolean isPresent() {
            return isByName() || id > 0;
        }
    }

    /** An e-mail template; {@code attachments} is never null. */
    record TemplateMaterial(long id, String name, String envelopeSender, String subject, String text, String html,
            Instant modifiedDate, List<AttachmentMaterial> attachments) {
    }

    /** A template attachment: file name, MIME type and the content in base64. */
    record AttachmentMaterial(String name, String type, String content) {
    }

    /** A landing page as stored (its forms already prepared by the page service). */
    record PageMaterial(long id, String name, String html, boolean captureCredentials, boolean capturePasswords,
            String redirectUrl, Instant modifiedDate) {
    }

    /**
     * A sending profile; {@code host} is {@code host[:port]} as Gophish stores it; {@code password} is clear text, for
     * sending only: it is never stored with a campaign nor written anywhere.
     */
    record ProfileMaterial(long id, String name, String host, String username, String password, String fromAddress,
            boolean ignoreCertErrors, List<HeaderMaterial> headers, Instant modifiedDate) {

        @Override
        public String toString() {
            return "ProfileMaterial[id=" + id + ", host=" + host + ", auth=" + !username.isEmpty() + "]";
        }
    }

    /** A custom header a sending profile adds to every message; key and value are templates. */
    record HeaderMaterial(String key, String value) {
    }

    /** A group and its targets; {@code targets} is never null. */
    record GroupMaterial(long id, String name, Instant modifiedDate, List<TargetMaterial> targets) {
    }

    /** One target of a group. */
    record TargetMaterial(String email, String firstName, String lastName, String position) {
    }
}
