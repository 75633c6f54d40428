package io.tidewatch.group;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/import/group}: reads the recipients of every uploaded file (any part with a file name) and
 * returns them as Gophish targets; it writes nothing (the group is then posted). Bad rows answer 400 with every
 * error and its line in {@code data.errors}, a Tidewatch extension of the envelope.
 */
@Path("/api/import/group")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupImportResource {

    private final TenantAccess access;

    GroupImportResource(TenantAccess access) {
        this.access = access;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importGroup(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        access.require(OrgRole.OPERATOR);
        if (files == null || files.isEmpty()) {
            throw ApiException.badRequest("No file uploaded: send the CSV as a multipart file part");
        }
        List<TargetJson> targets = new ArrayList<>();
        for (FileUpload file : files) {
            CsvTargets.Result result = CsvTargets.parse(read(file));
            if (!result.errors().isEmpty()) {
                int count = result.errors().size();
                String message = "The CSV file has " + count + (count == 1 ? " bad row" : " bad rows")
                        + "; nothing was imported";
                return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new Envelope(message, false, Map.of("errors", result.errors()))).build();
            }
            targets.addAll(result.targets());
        }
        return Response.ok(targets).build();
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ApiException.badRequest("Error parsing CSV: the upload could not be read");
        }
    }
}
