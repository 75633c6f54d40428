package io.tidewatch.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.tidewatch.platform.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * A small blocking HTTP client for requests the API is asked to make (site import, webhook checks). Every request
 * goes to an address checked by {@link OutboundGuard} (resolved once, connected to directly); redirects are followed
 * by hand, at most five, each re-checked; bodies are capped and every step has a timeout.
 */
@ApplicationScoped
public class OutboundHttp {

    /** How many redirects a GET follows. */
    public static final int MAX_REDIRECTS = 5;
    static final int MAX_BODY = 5 * 1024 * 1024;
    private static final int TIMEOUT_MS = 15_000;

    private final Vertx vertx;
    private final OutboundGuard guard;

    OutboundHttp(Vertx vertx, OutboundGuard guard) {
        this.vertx = vertx;
        this.guard = guard;
    }

    /** A response: its status, the URL that produced it (after redirects), its content type and body. */
    public record Reply(int status, String reason, String url, String contentType, String location, byte[] body) {
    }

    /** GETs {@code url}, following redirects; 400 for a refused or unreachable address, or too many redirects. */
    public Reply get(String url) {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Reply reply = send(HttpMethod.GET, current, Map.of(), null);
            if (reply.location() == null) {
                return reply;
            }
            current = resolve(current, reply.location());
        }
        throw ApiException.badRequest("Too many redirects (more than " + MAX_REDIRECTS + ")");
    }

    /** POSTs {@code body} without following redirects. */
    public Reply post(String url, Map<String, String> headers, byte[] body) {
        return send(HttpMethod.POST, url, headers, body);
    }

    private Reply send(HttpMethod method, String url, Map<String, String> headers, byte[] body) {
        URI uri = parse(url);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
        InetAddress address = guard.resolve(uri.getHost());
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MS)
                .setSsl(https).setVerifyHost(true).setForceSni(true).setMaxRedirects(0).setDecompressionSupported(true));
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            RequestOptions options = new RequestOptions().setMethod(method)
                    .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                    .setHost(uri.getHost()).setPort(port).setSsl(https)
                    .setURI(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                    .setFollowRedirects(false).setTimeout(TIMEOUT_MS);
            headers.forEach(options::putHeader);
            options.putHeader("User-Agent", "Tidewatch");
            Future<Reply> reply = client.request(options)
                    .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                    .compose(response -> read(response, url));
            return reply.toCompletionStage().toCompletableFuture().get(2L * TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.badRequest("Request to " + uri.getHost() + " was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ApiException api) {
                throw api;
            }
            Log.debugf("Outbound request failed: %s", cause.toString());
            throw ApiException.badRequest("Could not fetch " + uri.getHost() + ": " + describe(cause));
        } finally {
            client.close();
        }
    }

    private static Future<Reply> read(HttpClientResponse response, String url) {
        int status = response.statusCode();
        String type = response.getHeader("Content-Type");
        String location = response.getHeader("Location");
        if (status >= 300 && status < 400 && location != null && !location.isBlank()) {
            return Future.succeededFuture(new Reply(status, response.statusMessage(), url, type, location, new byte[0]));
        }
        Promise<Reply> done = Promise.promise();
        Buffer buffer = Buffer.buffer();
        response.handler(chunk -> {
            if (buffer.length() + chunk.length() > MAX_BODY) {
                done.tryFail(ApiException.badRequest("The response is larger than " + MAX_BODY / (1024 * 1024) + " MiB"));
                response.request().reset();
                return;
            }
            buffer.appendBuffer(chunk);
        });
        response.exceptionHandler(done::tryFail);
        response.endHandler(v -> done.tryComplete(
                new Reply(status, response.statusMessage(), url, type, null, buffer.getBytes())));
        return done.future();
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw ApiException.badRequest("Only absolute http and https URLs can be fetched");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Invalid URL");
        }
    }

    private static String resolve(String base, String location) {
        try {
            return new URI(base).resolve(location.trim()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ApiException.badRequest("The server redirected to an invalid URL");
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "connection failed" : message;
    }
}
