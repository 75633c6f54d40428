package io.tidewatch.template;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.platform.web.UniqueNames;
import io.tidewatch.template.internal.EmailTemplate;
import io.tidewatch.template.internal.EmailTemplateRepository;
import io.tidewatch.template.internal.TemplateAttachment;
import io.tidewatch.template.internal.TemplateAttachmentRepository;

/**
 * Creates, changes and deletes the tenant's e-mail templates with Gophish's rules and messages, except that every
 * validation failure is a 400 naming the problem (Gophish answered some with a 500). Every change is audited.
 */
@ApplicationScoped
public class TemplateService {

    static final String NOT_FOUND = "Template not found";
    static final String NAME_IN_USE = "Template name already in use";

    private final EmailTemplateRepository templates;
    private final TemplateAttachmentRepository attachments;
    private final AuditLog audit;

    TemplateService(EmailTemplateRepository templates, TemplateAttachmentRepository attachments, AuditLog audit) {
        this.templates = templates;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** The tenant's templates, oldest first. */
    @Transactional
    public List<TemplateView> list(Paging paging) {
        return views(templates.listPage(paging));
    }

    /** One template by id. */
    @Transactional
    public Optional<TemplateView> find(long id) {
        return Optional.ofNullable(templates.findById(id)).map(t -> views(List.of(t)).get(0));
    }

    /** One template by its exact name (campaigns and test e-mails refer to templates by name). */
    @Transactional
    public Optional<TemplateView> findByName(String name) {
        return templates.findByName(Texts.orEmpty(name)).map(t -> views(List.of(t)).get(0));
    }

    /** Creates a template; 409 when the name is taken, 400 when it does not validate. */
    @Transactional
    public TemplateView create(TemplateRequest request) {
        String name = Texts.orEmpty(request.name());
        if (templates.findByName(name).isPresent()) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        List<AttachmentJson> files = validate(request);
        EmailTemplate template = new EmailTemplate();
        apply(template, request);
        UniqueNames.persist(templates, template, NAME_IN_USE);
        store(template.id, files);
        audit.record(AuditEvent.of("template.create").target("template", template.id)
                .details("attachments=" + files.size()));
        return find(template.id).orElseThrow();
    }

    /** Replaces a template; 404 when missing, 400 on an id mismatch or a validation failure. */
    @Transactional
    public TemplateView update(long id, TemplateRequest request) {
        EmailTemplate template = existing(id);
        if (request.id() != null && request.id() != 0 && request.id() != id) {
            throw ApiException.badRequest("Error: /:id and template_id mismatch");
        }
        List<AttachmentJson> files = validate(request);
        Optional<EmailTemplate> sameName = templates.findByName(Texts.orEmpty(request.name()));
        if (sameName.isPresent() && !sameName.get().id.equals(id)) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        apply(template, request);
        UniqueNames.flush(templates, NAME_IN_USE);
        attachments.deleteByTemplate(id);
        store(id, files);
        audit.record(AuditEvent.of("template.update").target("template", id).details("attachments=" + files.size()));
        return find(id).orElseThrow();
    }

    /** Deletes a template and its attachments. */
    @Transactional
    public void delete(long id) {
        EmailTemplate template = existing(id);
        attachments.deleteByTemplate(id);
        templates.delete(template);
        audit.record(AuditEvent.of("template.delete").target("template", id));
    }

    private EmailTemplate existing(long id) {
        EmailTemplate template = templates.findById(id);
        if (template == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return template;
    }

    /** Gophish's checks in Gophish's order, then the template syntax of every templated field and attachment. */
    static List<AttachmentJson> validate(TemplateRequest request) {
        String name = Texts.orEmpty(request.name());
        if (name.isEmpty()) {
            throw ApiException.badRequest("Template name not specified");
        }
        Texts.atMost(name, 255, "name");
        if (Texts.orEmpty(request.text()).isEmpty() && Texts.orEmpty(request.html()).isEmpty()) {
            throw ApiException.badRequest("Need to specify at least plaintext or HTML content");
        }
        String sender = Texts.atMost(request.envelopeSender(), 512, "envelope_sender");
        if (!sender.isEmpty()) {
            try {
                MailAddress.parse(sender);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        checkSyntax(request.subject(), "subject");
        checkSyntax(request.text(), "text");
        checkSyntax(request.html(), "html");
        return checkAttachments(request.attachments());
    }

    private static void checkSyntax(String source, String field) {
        try {
            GoTemplate.validate(source, PhishingContext.VARIABLES);
        } catch (TemplateException e) {
            throw ApiException.badRequest(e.describe(field));
        }
    }

    private static List<AttachmentJson> checkAttachments(List<AttachmentJson> given) {
        List<AttachmentJson> files = new ArrayList<>();
        if (given == null) {
            return files;
        }
        for (int i = 0; i < given.size(); i++) {
            AttachmentJson file = given.get(i);
            String field = "attachments[" + i + "]";
            if (file == null) {
                throw ApiException.badRequest(field + ": missing");
            }
            String name = Texts.atMost(file.name(), 255, field + ".name");
            if (name.isBlank()) {
                throw ApiException.badRequest(field + ".name: not specified");
            }
            String type = Texts.atMost(file.type(), 255, field + ".type");
            byte[] bytes = decode(file.content(), field);
            if (AttachmentTemplating.isTemplated(name)) {
                try {
                    AttachmentTemplating.validate(name, bytes);
                } catch (TemplateException e) {
                    throw ApiException.badRequest(e.describe(field + " " + name));
                } catch (IOException e) {
                    throw ApiException.badRequest(field + " " + name + ": " + e.getMessage());
                }
            }
            files.add(new AttachmentJson(Texts.orEmpty(file.content()).replaceAll("\\s", ""), type, name));
        }
        return files;
    }

    private static byte[] decode(String content, String field) {
        try {
            return Base64.getDecoder().decode(Texts.orEmpty(content).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ".content: not valid base64");
        }
    }

    private static void apply(EmailTemplate template, TemplateRequest request) {
        template.name = Texts.orEmpty(request.name());
        template.envelopeSender = Texts.orEmpty(request.envelopeSender());
        template.subject = Texts.orEmpty(request.subject());
        template.text = Texts.orEmpty(request.text());
        template.html = Texts.orEmpty(request.html());
        template.modifiedDate = GoTime.now();
    }

    private void store(long templateId, List<AttachmentJson> files) {
        for (AttachmentJson file : files) {
            TemplateAttachment attachment = new TemplateAttachment();
            attachment.templateId = templateId;
            attachment.name = file.name();
            attachment.contentType = file.type();
            attachment.content = file.content();
            attachments.persist(attachment);
        }
    }

    private List<TemplateView> views(List<EmailTemplate> page) {
        Map<Long, List<AttachmentJson>> files = new LinkedHashMap<>();
        page.forEach(t -> files.put(t.id, new ArrayList<>()));
        for (TemplateAttachment a : attachments.listByTemplates(files.keySet())) {
            files.get(a.templateId).add(new AttachmentJson(a.content, a.contentType, a.name));
        }
        return page.stream().map(t -> new TemplateView(t.id, t.name, t.envelopeSender, t.subject, t.text, t.html,
                GoTime.format(t.modifiedDate), List.copyOf(files.get(t.id)))).toList();
    }
}
