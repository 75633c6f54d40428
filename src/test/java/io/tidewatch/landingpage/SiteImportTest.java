package io.tidewatch.landingpage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/import/site}: fetches through the outbound guard, follows and re-checks redirects, adds base href. */
@QuarkusTest
class SiteImportTest {

    static Tenant tenant;
    static HttpServer server;
    static String base;

    @BeforeEach
    void start() throws IOException {
        if (tenant != null) {
            return;
        }
        tenant = Fixtures.northwind();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/loop")) {
                exchange.getResponseHeaders().add("Location", "/loop" + (path.length() + 1));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/to-metadata")) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(301, -1);
            } else if (path.equals("/start")) {
                exchange.getResponseHeaders().add("Location", "/portal/login");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] html = ("<html><head><title>Portal</title></head><body><form action=\"/session\" method=\"post\">"
                        + "<input name=\"user\"></form><img src=\"logo.png\"></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void importsAPageAfterRedirectsWithBaseHrefAndOriginalUrl() {
        tenant.asAdmin().body(Map.of("url", base + "/start", "include_resources", false)).post("/api/import/site").then()
                .statusCode(200)
                .body("html", containsString("<base href=\"" + base + "/portal/login\">"))
                .body("html", containsString("name=\"__original_url\" value=\"" + base + "/session\""))
                .body("html", containsString("<title>Portal</title>"));
    }

    @Test
    void refusesARedirectToTheMetadataAddress() {
        tenant.asAdmin().body(Map.of("url", base + "/to-metadata")).post("/api/import/site").then().statusCode(400)
                .body("message", containsString("Refusing to connect to 169.254.169.254"));
    }

    @Test
    void stopsAfterFiveRedirects() {
        tenant.asAdmin().body(Map.of("url", base + "/loop")).post("/api/import/site").then().statusCode(400)
                .body("message", equalTo("Too many redirects (more than 5)"));
    }

    @Test
    void answersGophishsMessagesAndRefusesOtherSchemes() {
        tenant.asAdmin().body(Map.of("url", "")).post("/api/import/site").then().statusCode(400)
                .body("message", equalTo("No URL specified"));
        tenant.asAdmin().body("nope").post("/api/import/site").then().statusCode(400)
                .body("message", equalTo("Error decoding JSON Request"));
        tenant.asAdmin().body(Map.of("url", "file:///etc/passwd")).post("/api/import/site").then().statusCode(400)
                .body("message", equalTo("Only absolute http and https URLs can be fetched"));
        tenant.asAdmin().body(Map.of("url", "http://[fe80::1]/")).post("/api/import/site").then().statusCode(400)
                .body("message", containsString("Refusing to connect"));
    }
}
