package io.tidewatch.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request under {@code /api} that announces a body larger than the HTTP limit ({@code quarkus.http.limits.
 * max-body-size}) is refused here with 413 and the Gophish envelope, before anything reads it; the HTTP layer's own
 * refusal has an empty body, which Gophish clients cannot parse. The connection is closed, since the body is not read.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final String refusal;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.refusal = json.writeValueAsString(Envelope.error(EnvelopeMappers.messageFor(413)
                + ": the body may be at most " + this.limit / (1024 * 1024) + " MB"));
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String announced = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced != null && tooLarge(announced)) {
            ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(refusal);
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String announced) {
        try {
            return Long.parseLong(announced.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
