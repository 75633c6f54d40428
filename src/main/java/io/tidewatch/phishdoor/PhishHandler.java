package io.tidewatch.phishdoor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.tidewatch.campaign.CampaignTracking;
import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.campaign.TrackedCampaign;
import io.tidewatch.campaign.TrackedRecipient;
import io.tidewatch.campaign.TrackingEvent;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.RequestOrigin;
import io.tidewatch.platform.web.TrustedProxies;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers every request of the phishing door, Gophish's routes: {@code /robots.txt}; {@code /track} and
 * {@code /{any}/track} (Email Opened, a 1x1 GIF); {@code /report} and {@code /{any}/report} (Email Reported, 204);
 * a rid ending in {@code +} (the transparency answer); everything else the landing page (GET: Clicked Link, POST:
 * Submitted Data). A missing or unknown rid, or a completed campaign, is a plain 404 and records nothing. Runs on the
 * event loop: cache hits never block; misses load off the loop.
 */
final class PhishHandler {

    /** The 43-byte transparent GIF. */
    static final byte[] PIXEL = { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00, 0x00, 0x00, 0x21, (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00,
            0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b };
    static final String NOT_FOUND = "404 page not found";
    private static final Buffer PIXEL_BUFFER = Buffer.buffer(PIXEL);
    private static final Buffer NOT_FOUND_BUFFER = Buffer.buffer(NOT_FOUND + "\n");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int MAX_FIELDS = 50;
    private static final int MAX_VALUE = 1000;

    private final CampaignTracking tracking;
    private final MessageRenderer renderer;
    private final EventWriter writer;
    private final ObjectMapper json;
    private final PhishDoorConfig config;
    private final TrustedProxies proxies;
    private final BotCheck bots;
    private final BoundedCache<String, TrackedRecipient> recipients;
    private final BoundedCache<CampaignKey, LandingPage> pages;
    private final BoundedCache<String, Boolean> recentOpens;

    PhishHandler(CampaignTracking tracking, MessageRenderer renderer, EventWriter writer, ObjectMapper json,
            PhishDoorConfig config, TrustedProxies proxies) {
        this.tracking = tracking;
        this.renderer = renderer;
        this.writer = writer;
        this.json = json;
        this.config = config;
        this.proxies = proxies;
        this.bots = new BotCheck(config.scannerDelay());
        this.recipients = new BoundedCache<>(config.recipientCacheSize(), Duration.ofMinutes(10));
        this.pages = new BoundedCache<>(10_000, config.campaignCacheTtl());
        this.recentOpens = new BoundedCache<>(config.recipientCacheSize(),
                config.repeatOpenWindow().isZero() ? Duration.ofNanos(1) : config.repeatOpenWindow());
    }

    /** What a path asks for. */
    private enum Route {
        TRACK,
        REPORT,
        PAGE
    }

    void handle(HttpServerRequest request) {
        try {
            route(request);
        } catch (IllegalArgumentException e) {
            // A query string that cannot be decoded (a bad percent escape): the client's mistake, not worth a log line.
            refuse(request.response(), 400);
        }
    }

    /** Answers a request whose body, if any, could not be read as a form (bad escapes, too many fields, too large). */
    static void refuse(HttpServerResponse response, int status) {
        if (!response.ended()) {
            response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(status + (status == 413 ? " request entity too large\n" : " bad request\n"));
        }
    }

    private void route(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.OPTIONS) {
            // A CORS preflight (the report button's script may send one) is answered and records nothing.
            request.response().setStatusCode(204).putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Allow-Methods", "GET, POST").end();
            return;
        }
        if ("/robots.txt".equals(path)) {
            request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("User-agent: *\nDisallow: /\n");
            return;
        }
        String rid = rid(request);
        if (rid == null || rid.isEmpty()) {
            notFound(request.response());
            return;
        }
        if (rid.endsWith("+") || rid.endsWith(" ")) {
            transparency(request, rid.substring(0, rid.length() - 1).strip());
            return;
        }
        if (!CampaignTracking.isRid(rid)) {
            notFound(request.response());
            return;
        }
        Route route = path.equals("/track") || path.endsWith("/track") ? Route.TRACK
                : path.equals("/report") || path.endsWith("/report") ? Route.REPORT : Route.PAGE;
        recipient(request, rid, recipient -> {
            if (recipient == null) {
                notFound(request.response());
                return;
            }
            page(request, recipient, page -> {
                if (page == null || page.campaign().completed()) {
                    notFound(request.response());
                    return;
                }
                serve(request, route, recipient, page);
            });
        });
    }

    /** Forgets a campaign's cached state (completed or deleted here). */
    void evict(long orgId, long campaignId) {
        pages.remove(new CampaignKey(orgId, campaignId));
    }

    /** Forgets everything cached of an organization (changed or being deleted here): it is looked up again. */
    void evictOrganization(long orgId) {
        recipients.removeIf((rid, recipient) -> recipient != null && recipient.orgId() == orgId);
        pages.removeIf((key, page) -> key.orgId() == orgId);
    }

    /** A campaign of an organization: the landing-page cache's key (no string built per hit). */
    private record CampaignKey(long orgId, long campaignId) {
    }

    /** Where lookups that must not run on the event loop go: the worker pool of the door's own Vert.x. */
    private static Context blocking() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the phishing door's handler runs on its event loop");
        }
        return context;
    }

    private void serve(HttpServerRequest request, Route route, TrackedRecipient recipient, LandingPage page) {
        HttpServerResponse response = request.response();
        switch (route) {
            case TRACK -> {
                if (!record(request, recipient, page, TrackingEvent.Kind.OPENED)) {
                    busy(response);
                    return;
                }
                response.putHeader("Content-Type", "image/gif").putHeader("Cache-Control", "no-store")
                        .end(PIXEL_BUFFER);
            }
            case REPORT -> {
                if (!record(request, recipient, page, TrackingEvent.Kind.REPORTED)) {
                    busy(response);
                    return;
                }
                response.setStatusCode(204).putHeader("Access-Control-Allow-Origin", "*").end();
            }
            case PAGE -> landing(request, recipient, page);
        }
    }

    private void landing(HttpServerRequest request, TrackedRecipient recipient, LandingPage page) {
        HttpMethod method = request.method();
        TrackingEvent.Kind kind = null;
        if (method == HttpMethod.POST || (method == HttpMethod.GET && carriesFormFields(request, page))) {
            kind = TrackingEvent.Kind.SUBMITTED;
        } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            kind = TrackingEvent.Kind.CLICKED;
        }
        if (kind != null && !record(request, recipient, page, kind)) {
            busy(request.response());
            return;
        }
        MessageRenderer.Recipient who = new MessageRenderer.Recipient(recipient.firstName(), recipient.lastName(),
                recipient.email(), recipient.position(), page.campaign().fromAddress(), recipient.rid(),
                page.campaign().url());
        HttpServerResponse response = request.response().putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (method == HttpMethod.POST) {
            String target = location(page.redirect().render(who, false).strip());
            if (!target.isEmpty()) {
                response.setStatusCode(302).putHeader("Location", target).end();
                return;
            }
        }
        String html;
        try {
            html = page.render(who);
        } catch (RuntimeException e) {
            // Recorded above; the page itself cannot be shown (a render past the template size limit).
            Log.warnf("Landing page of campaign %d could not be rendered: %s", page.campaign().campaignId(),
                    e.getMessage());
            response.setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("500 internal server error\n");
            return;
        }
        response.putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    /** A GET that carries fields of the page's forms is a form submitted by GET (the hidden rid input kept the rid). */
    private static boolean carriesFormFields(HttpServerRequest request, LandingPage page) {
        for (String name : request.params().names()) {
            if (page.fields().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Queues the event; false when the queue is full. Repeated opens within the window are acknowledged only. */
    private boolean record(HttpServerRequest request, TrackedRecipient recipient, LandingPage page,
            TrackingEvent.Kind kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String agent = utf8(request.getHeader("User-Agent"));
        Optional<String> bot = kind == TrackingEvent.Kind.REPORTED ? Optional.empty()
                : bots.reason(request.method().name(), agent, kind, recipient.sendDate(), now);
        if (kind == TrackingEvent.Kind.OPENED && !config.repeatOpenWindow().isZero()) {
            // People and bots apart: a scanner's fetch must not hide the person's open that follows it.
            String key = bot.isEmpty() ? recipient.rid() : recipient.rid() + "|bot";
            if (recentOpens.get(key) != null) {
                return true;
            }
            recentOpens.put(key, Boolean.TRUE);
        }
        String ip = clientAddress(request);
        String details = details(payload(request, page, kind), ip, agent, bot);
        TrackingEvent event = new TrackingEvent(recipient.campaignId(), recipient.resultId(), recipient.email(), kind,
                now, ip, details, bot.isPresent());
        return writer.offer(recipient.orgId(), event);
    }

    private Map<String, List<String>> payload(HttpServerRequest request, LandingPage page, TrackingEvent.Kind kind) {
        Map<String, List<String>> payload = new LinkedHashMap<>();
        add(payload, request.params());
        if (request.method() == HttpMethod.POST) {
            add(payload, request.formAttributes());
        }
        if (kind != TrackingEvent.Kind.SUBMITTED) {
            return payload;
        }
        boolean credentials = page.campaign().page().captureCredentials();
        boolean passwords = page.campaign().page().capturePasswords();
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : payload.entrySet()) {
            String name = field.getKey();
            boolean always = "rid".equals(name) || "__original_url".equals(name);
            if (always) {
                kept.put(name, field.getValue());
            } else if (!credentials) {
                continue;
            } else if (page.isSecret(name)) {
                if (passwords) {
                    // The value itself is never stored: only that it was given, and its length.
                    kept.put(name, field.getValue().stream().map(v -> "[redacted: " + v.length() + " characters]").toList());
                }
            } else {
                kept.put(name, field.getValue());
            }
        }
        return kept;
    }

    /** Adds fields as they were sent: names that differ only in case stay apart (Vert.x's maps ignore case). */
    private static void add(Map<String, List<String>> payload, MultiMap values) {
        for (Map.Entry<String, String> field : values.entries()) {
            String name = field.getKey();
            if (payload.size() >= MAX_FIELDS && !payload.containsKey(name)) {
                continue;
            }
            String value = field.getValue();
            payload.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
        }
    }

    /**
     * The event's details as Gophish writes them: {@code {"payload":{...},"browser":{"address":...,"user-agent":...}}}
     * plus {@code flagged_as_bot} when flagged. Written directly (this runs for every hit on the event loop).
     */
    static String details(Map<String, List<String>> payload, String ip, String agent, Optional<String> bot) {
        StringBuilder out = new StringBuilder(128).append("{\"payload\":{");
        boolean first = true;
        for (Map.Entry<String, List<String>> field : payload.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, field.getKey()).append(":[");
            boolean firstValue = true;
            for (String value : field.getValue()) {
                if (!firstValue) {
                    out.append(',');
                }
                firstValue = false;
                quote(out, value);
            }
            out.append(']');
        }
        out.append("},\"browser\":{\"address\":");
        quote(out, ip).append(",\"user-agent\":");
        quote(out, agent == null ? "" : agent.length() > 512 ? agent.substring(0, 512) : agent).append('}');
        if (bot.isPresent()) {
            quote(out.append(",\"flagged_as_bot\":"), bot.get());
        }
        return out.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"');
    }

    private void transparency(HttpServerRequest request, String rid) {
        blocking().<Optional<TrackedRecipient>> executeBlocking(() -> tracking.recipient(rid), false)
                .onComplete(done -> {
                    Optional<TrackedRecipient> found = done.succeeded() ? done.result() : Optional.empty();
                    if (found.isEmpty()) {
                        notFound(request.response());
                        return;
                    }
                    Map<String, String> body = new LinkedHashMap<>();
                    body.put("server", "tidewatch");
                    body.put("contact_address", config.contactAddress().orElse(""));
                    body.put("send_date", GoTime.format(found.get().sendDate()));
                    try {
                        request.response().putHeader("Content-Type", "application/json")
                                .end(json.writeValueAsString(body));
                    } catch (JsonProcessingException e) {
                        request.response().setStatusCode(500).end();
                    }
                });
    }

    private void recipient(HttpServerRequest request, String rid, Consumer<TrackedRecipient> next) {
        BoundedCache.Entry<TrackedRecipient> cached = recipients.get(rid);
        if (cached != null) {
            next.accept(cached.value());
            return;
        }
        blocking().<Optional<TrackedRecipient>> executeBlocking(() -> tracking.recipient(rid), false)
                .onComplete(done -> {
                    if (done.failed()) {
                        Log.errorf(done.cause(), "Could not resolve a rid");
                        request.response().setStatusCode(500).end();
                        return;
                    }
                    TrackedRecipient found = done.result().orElse(null);
                    recipients.put(rid, found);
                    next.accept(found);
                });
    }

    private void page(HttpServerRequest request, TrackedRecipient recipient, Consumer<LandingPage> next) {
        CampaignKey key = new CampaignKey(recipient.orgId(), recipient.campaignId());
        BoundedCache.Entry<LandingPage> cached = pages.get(key);
        if (cached != null) {
            next.accept(cached.value());
            return;
        }
        blocking().<Optional<TrackedCampaign>> executeBlocking(
                () -> tracking.campaign(recipient.orgId(), recipient.campaignId()), false).onComplete(done -> {
                    if (done.failed()) {
                        Log.errorf(done.cause(), "Could not load campaign %d", recipient.campaignId());
                        request.response().setStatusCode(500).end();
                        return;
                    }
                    LandingPage page = done.result().map(c -> LandingPage.prepare(c, renderer)).orElse(null);
                    pages.put(key, page);
                    next.accept(page);
                });
    }

    /** The rid from the query, else from a posted form; named {@code rid} exactly, as Gophish reads it. */
    private static String rid(HttpServerRequest request) {
        String rid = first(request.params(), "rid");
        if ((rid == null || rid.isEmpty()) && request.method() == HttpMethod.POST) {
            rid = first(request.formAttributes(), "rid");
        }
        return rid;
    }

    /** The first value of the field with exactly this name (Vert.x's own lookup ignores case). */
    private static String first(MultiMap values, String name) {
        for (Map.Entry<String, String> field : values.entries()) {
            if (name.equals(field.getKey())) {
                return field.getValue();
            }
        }
        return null;
    }

    /**
     * The person's address: the peer's own, unless the peer is a trusted proxy ({@code tidewatch.trusted-proxies},
     * the admin door's setting), whose forwarded headers are then read the same way as on the admin door.
     */
    private String clientAddress(HttpServerRequest request) {
        String address = RequestOrigin.of(request, proxies).address();
        return address == null ? "" : address;
    }

    private static void notFound(HttpServerResponse response) {
        response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end(NOT_FOUND_BUFFER);
    }

    /**
     * A header value as the client meant it: HTTP hands header bytes over as ISO-8859-1 characters, while browsers and
     * mail clients send UTF-8; bytes that are valid UTF-8 are read as such, anything else is left as it came.
     */
    static String utf8(String header) {
        if (header == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xff) {
                return header;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }

    /**
     * A redirect target fit for a header: the redirect URL is a template, so a recipient's value may bring line
     * breaks, spaces or other control characters into it; those are percent-encoded (the header cannot be split).
     */
    static String location(String target) {
        StringBuilder out = null;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean unsafe = c <= 0x20 || c == 0x7f;
            if (unsafe && out == null) {
                out = new StringBuilder(target.length() + 16).append(target, 0, i);
            }
            if (unsafe) {
                out.append('%').append(HEX.toHexDigits((byte) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? target : out.toString();
    }

    private static void busy(HttpServerResponse response) {
        response.setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Retry-After", "1")
                .end("503 service unavailable\n");
    }
}
