package io.tidewatch.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.audit.AuditOutcome;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.secret.Secrets;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.webhook.internal.Webhook;
import io.tidewatch.webhook.internal.WebhookClient;
import io.tidewatch.webhook.internal.WebhookClient.Outcome;
import io.tidewatch.webhook.internal.WebhookRepository;
import io.vertx.core.Future;

/** Creates, changes, deletes and checks the tenant's webhooks; secrets sealed at rest, every change audited. */
@ApplicationScoped
public class WebhookService {

    static final String NOT_FOUND = "Webhook not found";
    static final String SECRET = "webhook.secret";

    private final WebhookRepository webhooks;
    private final Secrets secrets;
    private final OutboundGuard guard;
    private final WebhookClient client;
    private final AuditLog audit;
    private final WebhookOutbox outbox;
    private final TenantContext tenant;

    WebhookService(WebhookRepository webhooks, Secrets secrets, OutboundGuard guard, WebhookClient client,
            AuditLog audit, WebhookOutbox outbox, TenantContext tenant) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.guard = guard;
        this.client = client;
        this.audit = audit;
        this.outbox = outbox;
        this.tenant = tenant;
    }

    /** The tenant's webhooks, oldest first. */
    @Transactional
    public List<WebhookView> list(Paging paging) {
        return webhooks.listPage(paging).stream().map(WebhookService::view).toList();
    }

    /** One webhook by id. */
    @Transactional
    public Optional<WebhookView> find(long id) {
        return Optional.ofNullable(webhooks.findById(id)).map(WebhookService::view);
    }

    /** Creates a webhook. */
    @Transactional
    public WebhookView create(WebhookRequest request) {
        Webhook webhook = new Webhook();
        webhook.secretSealed = "";
        apply(webhook, request);
        webhooks.persist(webhook);
        webhooks.flush();
        outbox.changed(tenant.requireOrgId());
        audit.record(AuditEvent.of("webhook.create").target("webhook", webhook.id));
        return view(webhook);
    }

    /** Replaces a webhook (the id comes from the path), keeping the secret unless a new one is given. */
    @Transactional
    public WebhookView update(long id, WebhookRequest request) {
        Webhook webhook = existing(id);
        apply(webhook, request);
        outbox.changed(tenant.requireOrgId());
        audit.record(AuditEvent.of("webhook.update").target("webhook", id));
        return view(webhook);
    }

    /** Deletes a webhook. */
    @Transactional
    public void delete(long id) {
        webhooks.delete(existing(id));
        outbox.changed(tenant.requireOrgId());
        audit.record(AuditEvent.of("webhook.delete").target("webhook", id));
    }

    /**
     * Posts Gophish's test payload {@code {"success":true}}, signed, to the webhook (through the delivery client: the
     * outbound guard, no redirects followed, timeouts); 400 with the reason when the endpoint cannot be reached or
     * answers with an HTTP error.
     */
    public WebhookView validate(long id) {
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> existing(id));
        byte[] body = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
        String secret = webhook.secretSealed.isEmpty() ? "" : secrets.open(webhook.secretSealed, SECRET);
        Outcome outcome;
        try {
            outcome = await(client.post(client.endpoint(webhook.url), body, secret));
        } catch (ApiException e) {
            audit.record(AuditEvent.of("webhook.validate").target("webhook", id).outcome(AuditOutcome.FAILURE));
            throw e;
        }
        if (outcome.status() == 0) {
            audit.record(AuditEvent.of("webhook.validate").target("webhook", id).outcome(AuditOutcome.FAILURE));
            throw ApiException.badRequest("Could not reach " + hostOf(webhook.url) + ": " + outcome.reason());
        }
        if (outcome.status() >= 400) {
            audit.record(AuditEvent.of("webhook.validate").target("webhook", id).outcome(AuditOutcome.FAILURE)
                    .details("status=" + outcome.status()));
            throw ApiException.badRequest(outcome.error());
        }
        audit.record(AuditEvent.of("webhook.validate").target("webhook", id).details("status=" + outcome.status()));
        return view(webhook);
    }

    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new Outcome(0, "timed out");
        }
    }

    private static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "the webhook" : host;
        } catch (URISyntaxException e) {
            return "the webhook";
        }
    }

    private Webhook existing(long id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return webhook;
    }

    private void apply(Webhook webhook, WebhookRequest request) {
        String url = Texts.atMost(request.url(), 2048, "url").strip();
        if (url.isEmpty()) {
            throw ApiException.badRequest("URL can't be empty");
        }
        String name = Texts.atMost(request.name(), 255, "name").strip();
        if (name.isEmpty()) {
            throw ApiException.badRequest("Name can't be empty");
        }
        checkUrl(url);
        String secret = Texts.atMost(request.secret(), 512, "secret");
        webhook.name = name;
        webhook.url = url;
        webhook.active = Boolean.TRUE.equals(request.isActive());
        if (!secret.isEmpty() && !WebhookView.MASK.equals(secret)) {
            webhook.secretSealed = secrets.seal(secret, SECRET);
        }
        webhook.modifiedDate = GoTime.now();
    }

    private void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                guard.checkLiteral(uri.getHost());
                return;
            }
        } catch (URISyntaxException e) {
            // falls through to the message below
        }
        throw ApiException.badRequest("url: must be an absolute http or https URL");
    }

    private static WebhookView view(Webhook webhook) {
        return new WebhookView(webhook.id, webhook.name, webhook.url,
                webhook.secretSealed.isEmpty() ? "" : WebhookView.MASK, webhook.active);
    }
}
