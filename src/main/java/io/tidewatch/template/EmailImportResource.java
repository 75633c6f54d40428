package io.tidewatch.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.InvalidJson;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/import/email}: turns a raw RFC 822 message into a template's subject, text and HTML; with
 * {@code convert_links} every link points to {@code {{.URL}}}. Nothing is stored.
 */
@Path("/api/import/email")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailImportResource {

    static final String INVALID = "Error decoding JSON Request";
    private static final int MAX_DEPTH = 10;

    private final TenantAccess access;

    EmailImportResource(TenantAccess access) {
        this.access = access;
    }

    /** Gophish's import request. */
    public record EmailImportRequest(String content, Boolean convertLinks) {
    }

    /** Gophish's import response, fields in Gophish's order. */
    @JsonPropertyOrder({ "text", "html", "subject" })
    public record EmailImportView(String text, String html, String subject) {
    }

    @POST
    public EmailImportView importEmail(@InvalidJson(INVALID) EmailImportRequest request) {
        access.require(OrgRole.OPERATOR);
        if (request == null) {
            throw ApiException.badRequest(INVALID);
        }
        String content = request.content() == null ? "" : request.content();
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
            String[] bodies = new String[2];
            collect(message, bodies, 0);
            String html = bodies[1] == null ? "" : bodies[1];
            if (Boolean.TRUE.equals(request.convertLinks()) && !html.isEmpty()) {
                html = convertLinks(html);
            }
            String subject = message.getSubject();
            return new EmailImportView(bodies[0] == null ? "" : bodies[0], html, subject == null ? "" : subject);
        } catch (MessagingException | IOException e) {
            throw ApiException.badRequest("Could not read the e-mail: " + e.getMessage());
        }
    }

    /** Finds the first text/plain and text/html bodies that are not attachments, depth first. */
    private static void collect(Part part, String[] bodies, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || (bodies[0] != null && bodies[1] != null)) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies, depth + 1);
            }
            return;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = text(part);
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = text(part);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // an unknown charset: decoded below as UTF-8
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(part.getContentType()));
        }
    }

    private static Charset charset(String contentType) {
        try {
            String name = new ContentType(contentType).getParameter("charset");
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String convertLinks(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        for (Element link : document.select("a")) {
            link.attr("href", "{{.URL}}");
        }
        return document.outerHtml();
    }
}
