package io.tidewatch.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's view of the pages: requests to a given host, without following redirects, and the login form's CSRF
 * cookie and token. Requests either come straight from 127.0.0.1 (an ordinary, untrusted client) or through
 * 127.0.0.2, which the test profile trusts as a reverse proxy, so a test can give each simulated client an address
 * of its own ({@code X-Forwarded-For}) and keep rate limits from leaking between tests.
 */
public final class Browser {

    /** The address the test profile trusts as a reverse proxy. */
    public static final String PROXY_ADDRESS = "127.0.0.2";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private Browser() {
    }

    /** A direct request to this host. */
    public static RequestSpecification at(String host) {
        return given().redirects().follow(false).header("Host", host);
    }

    /** A request relayed by the trusted proxy for a client at {@code clientAddress}, to this host. */
    public static RequestSpecification viaProxy(String host, String clientAddress) {
        HttpClientConfig client = RestAssured.config().getHttpClientConfig()
                .setParam("http.route.local-address", proxyAddress());
        return given().config(RestAssured.config().httpClient(client)).redirects().follow(false).header("Host", host)
                .header("X-Forwarded-For", clientAddress);
    }

    /** A client address of its own for one test: 198.51.100.0/24 and 203.0.113.0/24 are documentation ranges. */
    public static String uniqueClientAddress() {
        // A counter, not a random pick: two tests sharing an address share its rate limit and fail at random.
        int n = CLIENTS.incrementAndGet();
        return "100." + (64 + ((n >> 16) & 63)) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    /** A login form as a browser holds it: the CSRF cookie and the token in the page. */
    public record Form(String csrfCookie, String token) {

        /** A request carrying the form's CSRF cookie. */
        public RequestSpecification withCookie(RequestSpecification request) {
            return request.cookie("tidewatch_csrf", csrfCookie);
        }
    }

    /** Loads a page that holds a form and returns its CSRF cookie and token. */
    public static Form form(RequestSpecification request, String path) {
        Response page = request.get(path);
        assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
        return new Form(page.getCookie("tidewatch_csrf"), csrfToken(page.asString()));
    }

    /** The CSRF token in a page's form. */
    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page has a CSRF token").isTrue();
        return m.group(1);
    }

    private static InetAddress proxyAddress() {
        try {
            return InetAddress.getByName(PROXY_ADDRESS);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
