package io.tidewatch.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint for tests: a JDK HTTP server on 127.0.0.1 (a free port) that keeps every request it gets and
 * answers with the status its policy picks for the body (204 unless told otherwise).
 */
final class Receiver implements AutoCloseable {

    /** One request as received, with the status it was answered with. */
    record Hit(String path, String query, String contentType, String signature, String body, int status, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<String> policy = body -> 204;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = policy.applyAsInt(body);
                hits.add(new Hit(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body, status, Instant.now()));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    /** Answers with the status {@code policy} picks for each request body. */
    Receiver answering(ToIntFunction<String> policy) {
        this.policy = policy;
        return this;
    }

    /** The URL of {@code path} on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far, in arrival order. */
    List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** The requests to {@code path}. */
    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
