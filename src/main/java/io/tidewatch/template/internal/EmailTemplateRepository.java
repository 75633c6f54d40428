package io.tidewatch.template.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.platform.web.Paging;

/** Templates of the current tenant. */
@ApplicationScoped
public class EmailTemplateRepository implements PanacheRepository<EmailTemplate> {

    /** The template with exactly this name. */
    public Optional<EmailTemplate> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** A page of templates, oldest first. */
    public List<EmailTemplate> listPage(Paging paging) {
        return paging.apply(findAll(Sort.by("id")));
    }
}
