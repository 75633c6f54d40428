package io.tidewatch.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.webhook.WebhookConfig;
import io.tidewatch.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Posts signed webhook bodies. The host is resolved once through {@link OutboundGuard} by the caller and the request
 * goes to that address; redirects are never followed (a 3xx is a failure); connect and response timeouts are set; the
 * response body is dropped. Connections are kept alive briefly and reused, idle ones closed well before common
 * server idle limits, and a request that finds its reused connection closed by the server is retried once on a new one.
 */
@ApplicationScoped
public class WebhookClient {

    private static final int KEEP_ALIVE_SECONDS = 2;

    private final Vertx vertx;
    private final OutboundGuard guard;
    private final WebhookConfig config;
    private final HttpClient client;

    WebhookClient(Vertx vertx, OutboundGuard guard, WebhookConfig config) {
        this.vertx = vertx;
        this.guard = guard;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_SECONDS).setMaxPoolSize(4)
                .setVerifyHost(true).setForceSni(true).setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** A webhook's endpoint, checked and resolved: where its requests go. */
    public record Endpoint(URI uri, InetAddress address, int port, boolean https) {
    }

    /** How a post went: the status when there was a response, else the reason (status 0). */
    public record Outcome(int status, String reason) {

        /** True for a 2xx answer. */
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        /** The error to record, or null when delivered. */
        public String error() {
            if (delivered()) {
                return null;
            }
            if (status == 0) {
                return reason;
            }
            if (status >= 300 && status < 400) {
                return "redirect refused: http status " + status;
            }
            return "http status of response: " + status + (reason == null || reason.isBlank() ? "" : " " + reason);
        }
    }

    /**
     * Checks the URL and resolves its host through the outbound guard (blocking: DNS); 400 when the URL is not
     * absolute http(s) or the host may not be reached.
     */
    public Endpoint endpoint(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Invalid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ApiException.badRequest("url: must be an absolute http or https URL");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
        return new Endpoint(uri, guard.resolve(uri.getHost()), port, https);
    }

    /** Posts {@code body} signed with {@code secret}; never fails, the outcome carries any error. */
    public Future<Outcome> post(Endpoint endpoint, byte[] body, String secret) {
        String signature = WebhookSignature.sign(body, secret);
        return send(endpoint, body, signature).recover(e -> {
            if (isClosedConnection(e)) {
                Log.debugf("Webhook post found its connection closed (%s); retrying once", e.getClass().getSimpleName());
                return send(endpoint, body, signature);
            }
            return Future.failedFuture(e);
        }).recover(e -> {
            Log.debugf(e, "Webhook post failed");
            return Future.succeededFuture(new Outcome(0, describe(e)));
        });
    }

    private Future<Outcome> send(Endpoint endpoint, byte[] body, String signature) {
        URI uri = endpoint.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(endpoint.port(), endpoint.address().getHostAddress()))
                .setHost(uri.getHost()).setPort(endpoint.port()).setSsl(endpoint.https())
                .setURI(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setFollowRedirects(false).setIdleTimeout(config.readTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSignature.HEADER, signature)
                .putHeader("User-Agent", "Tidewatch");
        Promise<Outcome> done = Promise.promise();
        long deadline = config.connectTimeout().plus(config.readTimeout()).toMillis();
        long timer = vertx.setTimer(deadline, t -> done.tryFail(new TimeoutException()));
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                // Only the status is read. Setting a body handler here would race the response's end: this callback
                // runs as a task of its own after the head, and a short body (204, an empty 404) may have ended by
                // then, when Vert.x refuses a handler with a bare IllegalStateException. Without a handler the body is
                // dropped as it arrives and the connection goes back to the pool at its end.
                .map(response -> new Outcome(response.statusCode(), response.statusMessage()))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    if (result.succeeded()) {
                        done.tryComplete(result.result());
                    } else {
                        done.tryFail(result.cause());
                    }
                });
        return done.future();
    }

    private static boolean isClosedConnection(Throwable e) {
        String name = e.getClass().getSimpleName();
        return name.contains("ClosedChannel") || name.equals("HttpClosedException");
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? "connection failed (" + kind + ")" : message;
    }
}
