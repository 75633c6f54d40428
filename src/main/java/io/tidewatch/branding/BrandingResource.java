package io.tidewatch.branding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.ClientInfo;
import io.tidewatch.platform.web.PublicEndpoint;
import io.tidewatch.tenancy.TenantScoped;

/**
 * {@code /api/branding}: the organization's white-label settings (viewers and above read, org admins change), its logo
 * and favicon uploads, and their public views, which pick the organization from {@code ?org=<slug>} or the request's
 * host and fall back to the MSSP's own images.
 */
@Path("/api/branding")
@Produces(MediaType.APPLICATION_JSON)
public class BrandingResource {

    /** Browsers and proxies may keep an image this long; URLs carry a version, so a new upload shows at once. */
    static final String CACHE_CONTROL = "public, max-age=300";

    /** An SVG opened on its own runs nothing and loads nothing. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final TenantAccess access;
    private final BrandingService branding;
    private final ClientInfo client;

    BrandingResource(TenantAccess access, BrandingService branding, ClientInfo client) {
        this.access = access;
        this.branding = branding;
        this.client = client;
    }

    @GET
    @TenantScoped
    public BrandingView get() {
        access.require(OrgRole.VIEWER);
        return branding.view(access.orgId());
    }

    @PUT
    @TenantScoped
    @Consumes(MediaType.APPLICATION_JSON)
    public BrandingView update(BrandingRequest request) {
        access.require(OrgRole.ADMIN);
        return branding.update(access.orgId(), request);
    }

    @PUT
    @Path("logo")
    @TenantScoped
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public BrandingView uploadLogo(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        access.require(OrgRole.ADMIN);
        return branding.store(access.orgId(), AssetKind.LOGO, single(AssetKind.LOGO, files));
    }

    @PUT
    @Path("favicon")
    @TenantScoped
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public BrandingView uploadFavicon(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        access.require(OrgRole.ADMIN);
        return branding.store(access.orgId(), AssetKind.FAVICON, single(AssetKind.FAVICON, files));
    }

    @DELETE
    @Path("logo")
    @TenantScoped
    public BrandingView removeLogo() {
        access.require(OrgRole.ADMIN);
        return branding.remove(access.orgId(), AssetKind.LOGO);
    }

    @DELETE
    @Path("favicon")
    @TenantScoped
    public BrandingView removeFavicon() {
        access.require(OrgRole.ADMIN);
        return branding.remove(access.orgId(), AssetKind.FAVICON);
    }

    @GET
    @Path("logo/view")
    @PublicEndpoint
    @Produces(MediaType.WILDCARD)
    public Response logo(@RestQuery String org, @RestHeader("If-None-Match") String ifNoneMatch) {
        return serve(AssetKind.LOGO, org, ifNoneMatch);
    }

    @GET
    @Path("favicon/view")
    @PublicEndpoint
    @Produces(MediaType.WILDCARD)
    public Response favicon(@RestQuery String org, @RestHeader("If-None-Match") String ifNoneMatch) {
        return serve(AssetKind.FAVICON, org, ifNoneMatch);
    }

    private Response serve(AssetKind kind, String slug, String ifNoneMatch) {
        Optional<OrganizationProfile> org = branding.resolve(client.host(), slug);
        BrandAsset asset = branding.asset(org, kind);
        Response.ResponseBuilder response = matches(ifNoneMatch, asset.etag()) ? Response.notModified()
                : Response.ok(asset.content().get(), asset.contentType());
        response.header("ETag", asset.etag())
                .header("Cache-Control", CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff");
        if ("image/svg+xml".equals(asset.contentType())) {
            response.header("Content-Security-Policy", SVG_POLICY);
        }
        return response.build();
    }

    /** True when {@code If-None-Match} names this ETag (weak or strong) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] single(AssetKind kind, List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ApiException.badRequest(kind.wireName() + ": attach the image as a file part (curl -F file=@"
                    + kind.wireName() + ".png)");
        }
        if (files.size() > 1) {
            throw ApiException.badRequest(kind.wireName() + ": send exactly one file");
        }
        FileUpload upload = files.get(0);
        if (upload.size() > kind.maxBytes()) {
            throw new ApiException(413, kind.wireName() + ": must be at most " + kind.maxText());
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
