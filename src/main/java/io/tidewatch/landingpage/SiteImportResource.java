package io.tidewatch.landingpage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.net.OutboundHttp;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.InvalidJson;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/import/site}: fetches a page to start a landing page from. The fetch goes through the
 * outbound guard (no internal addresses, redirects re-checked) with certificate checks on; the HTML gets a
 * {@code <base href>} for its relative links and a hidden {@code __original_url} in every form.
 */
@Path("/api/import/site")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteImportResource {

    static final String INVALID = "Error decoding JSON Request";

    private final OutboundHttp http;
    private final TenantAccess access;
    private final AuditLog audit;

    SiteImportResource(OutboundHttp http, TenantAccess access, AuditLog audit) {
        this.http = http;
        this.access = access;
        this.audit = audit;
    }

    /** Gophish's clone request; {@code include_resources} is accepted and, as in Gophish, has no effect. */
    public record SiteImportRequest(String url, Boolean includeResources) {
    }

    /** Gophish's clone response. */
    public record SiteImportView(String html) {
    }

    @POST
    public SiteImportView importSite(@InvalidJson(INVALID) SiteImportRequest request) {
        access.require(OrgRole.OPERATOR);
        if (request == null) {
            throw ApiException.badRequest(INVALID);
        }
        if (request.url() == null || request.url().isBlank()) {
            throw ApiException.badRequest("No URL specified");
        }
        OutboundHttp.Reply reply = http.get(request.url().strip());
        audit.record(AuditEvent.of("site.import").details("status=" + reply.status()));
        return new SiteImportView(rewrite(reply));
    }

    static String rewrite(OutboundHttp.Reply reply) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(reply.body()), charset(reply.contentType()), reply.url());
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the page: " + e.getMessage());
        }
        document.outputSettings().prettyPrint(false);
        if (document.head().select("base").isEmpty()) {
            document.head().prependElement("base").attr("href", reply.url());
        }
        for (Element form : document.select("form")) {
            String action = form.attr("action");
            String original = action.isEmpty() ? reply.url() : form.absUrl("action");
            form.prependElement("input").attr("type", "hidden").attr("name", "__original_url")
                    .attr("value", original.isEmpty() ? action : original);
        }
        return document.outerHtml();
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").strip();
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
