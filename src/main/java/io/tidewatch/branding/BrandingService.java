package io.tidewatch.branding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.branding.internal.BrandingAsset;
import io.tidewatch.branding.internal.BrandingAssetRepository;
import io.tidewatch.branding.internal.BrandingSettings;
import io.tidewatch.branding.internal.BrandingSettingsRepository;
import io.tidewatch.branding.internal.ImageType;
import io.tidewatch.branding.internal.SvgSanitizer;
import io.tidewatch.branding.internal.SvgSanitizer.NotSvgException;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.platform.web.ApiException;

/**
 * Reads and changes organizations' branding, checks and stores their logo and favicon, and resolves the {@link Brand}
 * that a page or e-mail uses: an organization's, or the MSSP's own (Tidewatch) for an unknown host. Every change is
 * audited in the organization's log.
 */
@ApplicationScoped
public class BrandingService {

    /** The name shown where no organization is known: the platform's own. */
    public static final String PLATFORM_NAME = "Tidewatch";

    /** The default primary colour (deep ocean blue). */
    public static final String DEFAULT_PRIMARY = "#0B5CAB";

    /** The default secondary colour (teal). */
    public static final String DEFAULT_SECONDARY = "#0F766E";

    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s<>()\\[\\],;:\"\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final BrandingSettingsRepository settings;
    private final BrandingAssetRepository assets;
    private final OrganizationDirectory directory;
    private final DefaultAssets defaults;
    private final AuditLog audit;
    private final String publicBaseUrl;

    BrandingService(BrandingSettingsRepository settings, BrandingAssetRepository assets, OrganizationDirectory directory,
            DefaultAssets defaults, AuditLog audit,
            @ConfigProperty(name = "tidewatch.public-base-url", defaultValue = "http://localhost:3333") String publicBaseUrl) {
        this.settings = settings;
        this.assets = assets;
        this.directory = directory;
        this.defaults = defaults;
        this.audit = audit;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The organization a public request is for: {@code ?org=<slug>} when given, else the host it addressed. */
    public Optional<OrganizationProfile> resolve(String host, String slug) {
        if (slug != null && !slug.isBlank()) {
            return directory.bySlug(slug);
        }
        return directory.byHost(host);
    }

    /** The brand of the organization whose host this is, or the MSSP's own for an unknown host. */
    public Brand brandForHost(String host) {
        return brand(directory.byHost(host));
    }

    /** The brand of this organization (the MSSP's own if it no longer exists). */
    public Brand brandOf(long orgId) {
        return brand(directory.byId(orgId));
    }

    /** The brand of the organization, or the MSSP's own when empty. */
    public Brand brand(Optional<OrganizationProfile> org) {
        if (org.isEmpty()) {
            return platformBrand();
        }
        OrganizationProfile o = org.get();
        BrandingSettings s = settings.findByIdOptional(o.id()).orElse(null);
        Map<String, BrandingAsset> stored = storedAssets(o.id());
        String primary = colorOr(s == null ? null : s.primaryColor, DEFAULT_PRIMARY);
        String secondary = colorOr(s == null ? null : s.secondaryColor, DEFAULT_SECONDARY);
        String logo = viewPath(AssetKind.LOGO, o.slug(), version(stored, AssetKind.LOGO));
        String favicon = viewPath(AssetKind.FAVICON, o.slug(), version(stored, AssetKind.FAVICON));
        String fromName = s != null && s.fromName != null ? s.fromName : o.name();
        return new Brand(o.id(), o.name(), o.slug(), primary, Contrast.readableTextOn(primary), secondary,
                Contrast.readableTextOn(secondary), logo, favicon, publicBaseUrl + logo, o.supportUrl(),
                s == null ? null : s.supportEmail, fromName);
    }

    /** The organization's branding for the API. */
    public BrandingView view(long orgId) {
        OrganizationProfile org = directory.byId(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        BrandingSettings s = settings.findByIdOptional(orgId).orElse(null);
        Map<String, BrandingAsset> stored = storedAssets(orgId);
        Brand brand = brand(Optional.of(org));
        Instant updated = s == null ? null : s.updatedAt;
        for (BrandingAsset asset : stored.values()) {
            updated = updated == null || asset.updatedAt.isAfter(updated) ? asset.updatedAt : updated;
        }
        return new BrandingView(orgId, brand.primaryColor(), brand.primaryTextColor(), brand.secondaryColor(),
                brand.secondaryTextColor(), s == null ? null : s.fromName, brand.supportEmail(), org.supportUrl(),
                org.host(), brand.logoUrl(), brand.faviconUrl(), stored.containsKey(AssetKind.LOGO.wireName()),
                stored.containsKey(AssetKind.FAVICON.wireName()), updated, warnings(brand));
    }

    /** Changes the fields given; a colour that is hard to read is accepted and answered with a warning. */
    @Transactional
    public BrandingView update(long orgId, BrandingRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        directory.byId(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        BrandingSettings s = settings.findByIdOptional(orgId).orElseGet(() -> newSettings(orgId));
        List<String> changed = new ArrayList<>();
        if (request.primaryColor() != null) {
            s.primaryColor = color("primary_color", request.primaryColor());
            changed.add("primary_color");
        }
        if (request.secondaryColor() != null) {
            s.secondaryColor = color("secondary_color", request.secondaryColor());
            changed.add("secondary_color");
        }
        if (request.fromName() != null) {
            s.fromName = fromName(request.fromName());
            changed.add("from_name");
        }
        if (request.supportEmail() != null) {
            s.supportEmail = supportEmail(request.supportEmail());
            changed.add("support_email");
        }
        s.updatedAt = Instant.now();
        flush();
        audit.record(AuditEvent.of("branding.update").org(orgId).target("branding", orgId)
                .details(changed.isEmpty() ? "no change" : "changed: " + String.join(", ", changed)));
        return view(orgId);
    }

    /**
     * Checks and stores a logo or favicon. The type comes from the bytes: PNG, JPEG, WebP and ICO by their signature,
     * SVG by parsing (and is stored sanitized). Too large is 413, anything else refused is 400; either way the
     * previous image stays.
     */
    @Transactional
    public BrandingView store(long orgId, AssetKind kind, byte[] bytes) {
        String field = kind.wireName();
        if (bytes.length > kind.maxBytes()) {
            throw new ApiException(413, field + ": must be at most " + kind.maxText());
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest(field + ": the file is empty");
        }
        directory.byId(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        Optional<ImageType> type = ImageType.sniffBinary(bytes);
        byte[] content = bytes;
        if (type.isEmpty()) {
            Optional<byte[]> svg = sanitizedSvg(field, bytes);
            if (svg.isPresent()) {
                type = Optional.of(ImageType.SVG);
                content = svg.get();
            }
        }
        if (type.isEmpty()) {
            throw ApiException.badRequest(field + ": must be " + kind.acceptedText() + "; this file's content is none of them");
        }
        if (!kind.accepts(type.get())) {
            throw ApiException.badRequest(field + ": must be " + kind.acceptedText() + " (this file is "
                    + type.get().description() + ")");
        }
        if (!type.get().isWhole(content)) {
            throw ApiException.badRequest(field + ": this file starts like " + type.get().description()
                    + " but cannot be read as one (damaged or cut short)");
        }
        BrandingAsset asset = assets.find(orgId, field).orElseGet(BrandingAsset::new);
        asset.orgId = orgId;
        asset.kind = field;
        asset.contentType = type.get().contentType();
        asset.content = content;
        asset.sizeBytes = content.length;
        asset.sha256 = DefaultAssets.sha256(content);
        asset.updatedAt = Instant.now();
        if (asset.id == null) {
            assets.persist(asset);
        }
        flush();
        audit.record(AuditEvent.of("branding." + field + "_upload").org(orgId).target("branding", orgId)
                .details("type=" + asset.contentType + ", bytes=" + content.length));
        return view(orgId);
    }

    /** Removes an uploaded logo or favicon; the default one is shown again. */
    @Transactional
    public BrandingView remove(long orgId, AssetKind kind) {
        directory.byId(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        assets.find(orgId, kind.wireName()).ifPresent(assets::delete);
        audit.record(AuditEvent.of("branding." + kind.wireName() + "_delete").org(orgId).target("branding", orgId));
        return view(orgId);
    }

    /** The logo or favicon to serve for the organization: its upload, or the MSSP's default. */
    public BrandAsset asset(Optional<OrganizationProfile> org, AssetKind kind) {
        if (org.isEmpty()) {
            return defaults.of(kind);
        }
        return assets.find(org.get().id(), kind.wireName())
                .map(a -> new BrandAsset(a.contentType, a.sha256, () -> assets.content(a.id)))
                .orElseGet(() -> defaults.of(kind));
    }

    /** Contrast warnings for the brand's colours (empty when every colour can carry readable text). */
    static List<String> warnings(Brand brand) {
        List<String> warnings = new ArrayList<>();
        Contrast.warning("primary_color", brand.primaryColor()).ifPresent(warnings::add);
        Contrast.warning("secondary_color", brand.secondaryColor()).ifPresent(warnings::add);
        return warnings;
    }

    private Brand platformBrand() {
        String logo = viewPath(AssetKind.LOGO, null, defaults.of(AssetKind.LOGO).version());
        String favicon = viewPath(AssetKind.FAVICON, null, defaults.of(AssetKind.FAVICON).version());
        return new Brand(null, PLATFORM_NAME, null, DEFAULT_PRIMARY, Contrast.readableTextOn(DEFAULT_PRIMARY),
                DEFAULT_SECONDARY, Contrast.readableTextOn(DEFAULT_SECONDARY), logo, favicon, publicBaseUrl + logo, null,
                null, PLATFORM_NAME);
    }

    private Map<String, BrandingAsset> storedAssets(long orgId) {
        return assets.listByOrg(orgId).stream().collect(Collectors.toMap(a -> a.kind, Function.identity()));
    }

    private String version(Map<String, BrandingAsset> stored, AssetKind kind) {
        BrandingAsset asset = stored.get(kind.wireName());
        return asset == null ? defaults.of(kind).version() : asset.sha256.substring(0, 12);
    }

    private static String viewPath(AssetKind kind, String slug, String version) {
        return "/api/branding/" + kind.wireName() + "/view?" + (slug == null ? "" : "org=" + slug + "&") + "v=" + version;
    }

    private Optional<byte[]> sanitizedSvg(String field, byte[] bytes) {
        try {
            return SvgSanitizer.sanitize(bytes);
        } catch (NotSvgException e) {
            throw ApiException.badRequest(field + ": this SVG " + e.getMessage());
        }
    }

    private BrandingSettings newSettings(long orgId) {
        BrandingSettings s = new BrandingSettings();
        s.orgId = orgId;
        s.updatedAt = Instant.now();
        settings.persist(s);
        return s;
    }

    private void flush() {
        try {
            settings.flush();
        } catch (PersistenceException e) {
            throw ApiException.conflict("The branding was changed at the same time by another request; try again");
        }
    }

    private static String colorOr(String value, String fallback) {
        return value == null ? fallback : value;
    }

    static String color(String field, String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!Contrast.isHexColor(trimmed)) {
            throw ApiException.badRequest(field + ": must be a colour in the form #RRGGBB");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    static String fromName(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        boolean control = trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
        if (trimmed.length() > 100 || control) {
            throw ApiException.badRequest("from_name: must be at most 100 characters, without line breaks");
        }
        return trimmed;
    }

    static String supportEmail(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw ApiException.badRequest("support_email: must be an e-mail address such as it-help@example.com");
        }
        return trimmed;
    }
}
