package io.tidewatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.branding.AssetKind;
import io.tidewatch.branding.BrandingRequest;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.branding.BrandingView;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}/branding}: the branding editor, with a live preview of the organization's login page.
 * Viewers see it, org admins change colours, sender name and support address, and upload or remove the logo and
 * favicon; everything goes through {@link BrandingService}, so the checks, contrast warnings and audit match the API.
 */
@Path("/console/orgs/{orgId}/branding")
@Produces(MediaType.TEXT_HTML)
public class BrandingPageResource {

    private static final Map<String, String> DONE = Map.of(
            "saved", "The branding was saved. The login page and the console show it now.",
            "logo", "The logo was uploaded.",
            "favicon", "The favicon was uploaded.",
            "logo-removed", "The logo was removed: the default one is shown again.",
            "favicon-removed", "The favicon was removed: the default one is shown again.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final BrandingService branding;
    private final OrganizationService organizations;

    BrandingPageResource(Session session, Console console, ConsolePages pages, BrandingService branding,
            OrganizationService organizations) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.branding = branding;
        this.organizations = organizations;
    }

    /** The editor and the removal confirmation. */
    @CheckedTemplate(basePath = "console/branding")
    static class Templates {

        static native TemplateInstance branding(Shell shell, BrandingPage page);

        static native TemplateInstance removeAsset(Shell shell, OrganizationView org, String kind, String label);
    }

    /** Everything the editor shows: the stored branding, the form as typed, and the messages. */
    public record BrandingPage(OrganizationView org, BrandingView view, BrandingForm form, boolean canEdit,
            FormErrors errors, String uploadError, String uploadKind, String done, List<String> warnings,
            String defaultPrimary, String defaultSecondary) {
    }

    /** The settings form's values, as typed. */
    public record BrandingForm(String primaryColor, String secondaryColor, String fromName, String supportEmail) {

        static BrandingForm of(BrandingView v) {
            return new BrandingForm(v.primaryColor(), v.secondaryColor(), v.fromName() == null ? "" : v.fromName(),
                    v.supportEmail() == null ? "" : v.supportEmail());
        }

        /** The preview's primary colour: the typed one if valid, else the default. */
        public String previewPrimary() {
            return valid(primaryColor, BrandingService.DEFAULT_PRIMARY);
        }

        /** The preview's secondary colour. */
        public String previewSecondary() {
            return valid(secondaryColor, BrandingService.DEFAULT_SECONDARY);
        }

        /** The picker's value (lower case, as colour inputs want it). */
        public String pickerPrimary() {
            return previewPrimary().toLowerCase(java.util.Locale.ROOT);
        }

        /** The picker's value for the secondary colour. */
        public String pickerSecondary() {
            return previewSecondary().toLowerCase(java.util.Locale.ROOT);
        }

        private static String valid(String value, String fallback) {
            return io.tidewatch.branding.Contrast.isHexColor(value == null ? null : value.trim()) ? value.trim() : fallback;
        }
    }

    @GET
    public Response page(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        BrandingView view = branding.view(orgId);
        return render(orgId, view, BrandingForm.of(view), FormErrors.none(), null, null, ConsolePages.notice(DONE, done),
                view.warnings());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath long orgId, @RestForm("primary_color") String primary,
            @RestForm("secondary_color") String secondary, @RestForm("from_name") String fromName,
            @RestForm("support_email") String supportEmail, @RestForm("csrf_token") String csrf) {
        session.require();
        BrandingForm form = new BrandingForm(text(primary), text(secondary), text(fromName), text(supportEmail));
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            BrandingView saved = branding.update(orgId, new BrandingRequest(form.primaryColor(), form.secondaryColor(),
                    form.fromName(), form.supportEmail()));
            if (!saved.warnings().isEmpty()) {
                return render(orgId, saved, BrandingForm.of(saved), FormErrors.none(), null, null,
                        ConsolePages.notice(DONE, "saved"),
                        saved.warnings());
            }
            return pages.redirect("/console/orgs/" + orgId + "/branding?done=saved");
        } catch (ApiException e) {
            return render(orgId, branding.view(orgId), form, FormErrors.of(e, Map.of()), null, null, null, List.of());
        }
    }

    @POST
    @Path("{kind:logo|favicon}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestPath long orgId, @RestPath String kind, @RestForm("file") FileUpload file,
            @RestForm("csrf_token") String csrf) {
        session.require();
        AssetKind asset = AssetKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            if (file == null || file.size() == 0) {
                throw ApiException.badRequest(kind + ": choose an image file first");
            }
            if (file.size() > asset.maxBytes()) {
                throw new ApiException(413, kind + ": the file is too large (" + (asset == AssetKind.LOGO ? "1 MiB" : "256 KiB")
                        + " at most)");
            }
            branding.store(orgId, asset, read(file));
            return pages.redirect("/console/orgs/" + orgId + "/branding?done=" + kind);
        } catch (ApiException e) {
            BrandingView view = branding.view(orgId);
            String message = FormErrors.of(e, Map.of()).get(kind);
            return render(orgId, view, BrandingForm.of(view), FormErrors.none(), message == null ? e.getMessage() : message,
                    kind, null, List.of());
        }
    }

    @GET
    @Path("{kind:logo|favicon}/remove")
    public Response confirmRemoval(@RestPath long orgId, @RestPath String kind) {
        session.require();
        console.require(OrgRole.ADMIN);
        OrganizationView org = organization(orgId);
        return pages.html(200, Templates.removeAsset(pages.shell("Remove the " + kind, "branding"), org, kind,
                kind.equals("logo") ? "logo" : "favicon"));
    }

    @POST
    @Path("{kind:logo|favicon}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath long orgId, @RestPath String kind, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.ADMIN);
        branding.remove(orgId, AssetKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
        return pages.redirect("/console/orgs/" + orgId + "/branding?done=" + kind + "-removed");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response render(long orgId, BrandingView view, BrandingForm form, FormErrors errors, String uploadError,
            String uploadKind, String done, List<String> warnings) {
        BrandingPage page = new BrandingPage(organization(orgId), view, form, console.role() == OrgRole.ADMIN, errors,
                uploadError, uploadKind, done, warnings, BrandingService.DEFAULT_PRIMARY, BrandingService.DEFAULT_SECONDARY);
        int status = errors.any() ? errors.status() : uploadError != null ? 400 : 200;
        return pages.html(status, Templates.branding(pages.shell("Branding", "branding"), page));
    }

    private OrganizationView organization(long orgId) {
        return organizations.find(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
