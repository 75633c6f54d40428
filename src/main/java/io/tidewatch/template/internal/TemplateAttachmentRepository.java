package io.tidewatch.template.internal;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

/** Attachments of the current tenant's templates. */
@ApplicationScoped
public class TemplateAttachmentRepository implements PanacheRepository<TemplateAttachment> {

    /** The attachments of these templates, in the order they were given. */
    public List<TemplateAttachment> listByTemplates(Collection<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return List.of();
        }
        return list("templateId in ?1", Sort.by("id"), templateIds);
    }

    /** Removes a template's attachments. */
    public void deleteByTemplate(long templateId) {
        delete("templateId", templateId);
    }
}
