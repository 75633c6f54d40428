package io.tidewatch.phishdoor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tidewatch.campaign.CampaignClosed;
import io.tidewatch.campaign.CampaignTracking;
import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.organization.OrganizationChanged;
import io.tidewatch.platform.web.TrustedProxies;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Starts the phishing door at start-up: an HTTP server on a Vert.x instance of its own (one server per event loop,
 * sharing the port), so the admin listener's per-request HTTP metrics and its event loops stay out of the door's hot
 * path; tracking hits are counted by {@code tidewatch_tracking_events_total} instead. GET and HEAD go straight to
 * {@link PhishHandler}; a POST first has its form body read (at most 64 KB). It shares nothing with the admin listener: no
 * session, no API key, no {@code /api} or {@code /q} route exists here. Stops accepting first at shutdown, then
 * drains the tracking queue.
 */
@Singleton
public class PhishDoor {

    private static final int BODY_LIMIT = 64 * 1024;

    private final PhishDoorConfig config;
    private final EventWriter writer;
    private final PhishHandler handler;
    private volatile int port;
    private Vertx doorVertx;

    PhishDoor(PhishDoorConfig config, EventWriter writer, CampaignTracking tracking,
            MessageRenderer renderer, ObjectMapper json, TrustedProxies proxies) {
        this.config = config;
        this.writer = writer;
        this.handler = new PhishHandler(tracking, renderer, writer, json, config, proxies);
    }

    void start(@Observes @Priority(30) StartupEvent event) throws InterruptedException {
        if (!config.enabled()) {
            Log.info("Phishing door disabled");
            return;
        }
        writer.start();
        int wanted = config.port() == 0 ? freePort(config.host()) : config.port();
        int loops = config.eventLoops().orElse(Runtime.getRuntime().availableProcessors());
        doorVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, loops)).setWorkerPoolSize(8)
                .setPreferNativeTransport(true)
                .setMetricsOptions(new MetricsOptions().setEnabled(false)));
        try {
            doorVertx.deployVerticle(() -> new DoorVerticle(config.host(), config.port(), wanted, handler),
                    new DeploymentOptions().setInstances(Math.max(1, loops))).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the phishing door could not listen on " + config.host() + ":" + wanted, e);
        }
        port = wanted;
        Log.infof("Phishing door listening on %s:%d (%d event loops, %s)", config.host(), port, loops,
                doorVertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");
    }

    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (doorVertx != null) {
            try {
                // Closing the door's Vert.x undeploys the servers: no new hit is taken before the queue drains.
                doorVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                Log.warnf("The phishing door did not stop cleanly: %s", e.getMessage());
            }
        }
        writer.stop(15);
    }

    /** A completed or deleted campaign stops answering here at once (other replicas within the cache TTL). */
    void closed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignClosed event) {
        handler.evict(event.orgId(), event.campaignId());
    }

    /**
     * An organization being deleted stops answering here at once: its rids no longer resolve and its campaigns no longer
     * load. Other replicas stop within the cache TTL; what they still accept meanwhile is dropped, not written.
     */
    void organizationChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationChanged event) {
        handler.evictOrganization(event.orgId());
    }

    /** The port the door listens on (0 before start). */
    public int port() {
        return port;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the phishing door", e);
        }
    }

    /** One server instance on one event loop. */
    private static final class DoorVerticle extends AbstractVerticle {

        private final String host;
        private final int configuredPort;
        private final int port;
        private final PhishHandler handler;

        DoorVerticle(String host, int configuredPort, int port, PhishHandler handler) {
            this.host = host;
            this.configuredPort = configuredPort;
            this.port = port;
            this.handler = handler;
        }

        @Override
        public void start(Promise<Void> started) {
            Router forms = Router.router(vertx);
            forms.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT).setMergeFormAttributes(false));
            forms.route().handler(ctx -> handler.handle(ctx.request()));
            // A body that cannot be read as a form (bad escapes, too many fields, over 64 KB) is the client's mistake:
            // answered with its status, without the router's error log.
            forms.route().failureHandler(ctx -> PhishHandler.refuse(ctx.response(),
                    ctx.statusCode() == 413 ? 413 : 400));
            // No compression and no WebSocket extensions: the door serves neither, and their handlers would sit in
            // every connection's pipeline.
            HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(configuredPort).setIdleTimeout(60)
                    .setCompressionSupported(false).setPerMessageWebSocketCompressionSupported(false)
                    .setPerFrameWebSocketCompressionSupported(false);
            vertx.createHttpServer(options).requestHandler(request -> {
                if (request.method() == HttpMethod.POST) {
                    forms.handle(request);
                } else {
                    handler.handle(request);
                }
            }).listen(port, host)
                    .<Void> mapEmpty().onComplete(started);
        }
    }
}
