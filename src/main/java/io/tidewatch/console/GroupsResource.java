package io.tidewatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import io.tidewatch.group.CsvTargets;
import io.tidewatch.group.GroupRequest;
import io.tidewatch.group.GroupService;
import io.tidewatch.group.GroupSummaryView;
import io.tidewatch.group.GroupView;
import io.tidewatch.group.TargetJson;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}/groups}: recipient groups. Operators and admins give a group its recipients as CSV, typed
 * or uploaded (comma, semicolon or tab; the header names the columns); every bad line is listed with its number and
 * nothing is saved until all are right. Recipients take seats: a group over the seat cap is refused whole.
 */
@Path("/console/orgs/{orgId}/groups")
@Produces(MediaType.TEXT_HTML)
public class GroupsResource {

    private static final Map<String, String> ALIASES = Map.of("Group name", "name", "No targets", "csv", "mail:", "csv",
            "Error parsing CSV", "csv", "The CSV file", "csv");

    private static final Map<String, String> DONE = Map.of("saved", "The group was saved.",
            "deleted", "The group was deleted: its recipients' seats are free again.");

    static final String HEADER = "First Name,Last Name,Email,Position";

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final GroupService groups;

    GroupsResource(Session session, Console console, ConsolePages pages, GroupService groups) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.groups = groups;
    }

    /** The list and the editor. */
    @CheckedTemplate(basePath = "console/groups")
    static class Templates {

        static native TemplateInstance groups(Shell shell, long orgId, List<GroupSummaryView> groups, boolean canEdit,
                String done);

        static native TemplateInstance group(Shell shell, long orgId, GroupForm form, List<CsvTargets.RowError> lines,
                boolean canEdit, FormErrors errors, String done);
    }

    /** The editor's values: the name, and the recipients as CSV text. */
    public record GroupForm(Long id, String name, String csv, int recipients) {

        static GroupForm of(GroupView g) {
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            for (TargetJson t : g.targets()) {
                csv.append(cell(t.firstName())).append(',').append(cell(t.lastName())).append(',').append(cell(t.email()))
                        .append(',').append(cell(t.position())).append('\n');
            }
            return new GroupForm(g.id(), g.name(), csv.toString(), g.targets().size());
        }

        /** The form's target. */
        public String action(long orgId) {
            return "/console/orgs/" + orgId + "/groups" + (id == null ? "" : "/" + id);
        }

        private static String cell(String value) {
            String v = value == null ? "" : value;
            return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
        }
    }

    @GET
    public Response list(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.groups(pages.shell("Groups", "groups"), orgId, groups.summaries(Paging.ALL).groups(),
                console.role().atLeast(OrgRole.OPERATOR), ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("new")
    public Response newGroup(@RestPath long orgId) {
        session.require();
        console.require(OrgRole.OPERATOR);
        return editor(orgId, new GroupForm(null, "", HEADER + "\n", 0), List.of(), FormErrors.none(), null);
    }

    @GET
    @Path("{id}")
    public Response edit(@RestPath long orgId, @RestPath long id, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return editor(orgId, GroupForm.of(find(id)), List.of(), FormErrors.none(), ConsolePages.notice(DONE, done));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(@RestPath long orgId, @RestForm String name, @RestForm String csv,
            @RestForm("file") FileUpload file, @RestForm("csrf_token") String csrf) {
        return save(orgId, null, name, csv, file, csrf);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response update(@RestPath long orgId, @RestPath long id, @RestForm String name, @RestForm String csv,
            @RestForm("file") FileUpload file, @RestForm("csrf_token") String csrf) {
        find(id);
        return save(orgId, id, name, csv, file, csrf);
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.OPERATOR);
        GroupView group = find(id);
        String base = "/console/orgs/" + orgId + "/groups";
        return pages.html(200, new Confirmation("Delete the group " + group.name() + "?",
                "Its " + group.targets().size() + " recipients leave the group and their seats are freed (unless they"
                        + " are in another group). Campaigns already launched keep their results. This cannot be undone.",
                base + "/" + id + "/delete", "Delete the group", base + "/" + id)
                .page(pages.shell("Delete a group", "groups")));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.OPERATOR);
        groups.delete(id);
        return pages.redirect("/console/orgs/" + orgId + "/groups?done=deleted");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response save(long orgId, Long id, String name, String csv, FileUpload file, String csrf) {
        session.require();
        boolean uploaded = file != null && file.size() > 0;
        byte[] bytes = uploaded ? read(file) : (csv == null ? "" : csv).getBytes(StandardCharsets.UTF_8);
        String text = uploaded ? new String(bytes, StandardCharsets.UTF_8) : (csv == null ? "" : csv);
        GroupForm form = new GroupForm(id, name == null ? "" : name, text, 0);
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.OPERATOR);
            CsvTargets.Result parsed = CsvTargets.parse(bytes);
            if (!parsed.errors().isEmpty()) {
                return editor(orgId, form, parsed.errors(), FormErrors.field("csv", parsed.errors().size() == 1
                        ? "One line is wrong: fix it and save again."
                        : parsed.errors().size() + " lines are wrong: fix them"
                                + " and save again."),
                        null);
            }
            GroupRequest request = new GroupRequest(id, form.name(), parsed.targets());
            GroupView saved = id == null ? groups.create(request) : groups.update(id, request);
            return pages.redirect("/console/orgs/" + orgId + "/groups/" + saved.id() + "?done=saved");
        } catch (ApiException e) {
            return editor(orgId, form, List.of(), FormErrors.of(e, ALIASES), null);
        }
    }

    private GroupView find(long id) {
        return groups.find(id).orElseThrow(() -> ApiException.notFound("Group not found"));
    }

    private Response editor(long orgId, GroupForm form, List<CsvTargets.RowError> lines, FormErrors errors, String done) {
        String title = form.id() == null ? "New group" : form.name();
        return pages.html(errors.any() ? errors.status() : 200, Templates.group(pages.shell(title, "groups"), orgId, form,
                lines, console.role().atLeast(OrgRole.OPERATOR), errors, done));
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
