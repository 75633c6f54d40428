package io.tidewatch.webhook.internal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.tidewatch.platform.web.Paging;

/** Webhooks of the current tenant. */
@ApplicationScoped
public class WebhookRepository implements PanacheRepository<Webhook> {

    /** A page of webhooks, oldest first. */
    public List<Webhook> listPage(Paging paging) {
        return paging.apply(findAll(Sort.by("id")));
    }
}
