package io.tidewatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests to the phishing door as a person's browser sends them (a browser's user agent, no redirects followed). */
public final class DoorClient {

    public static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public DoorClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, BROWSER);
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String form, String userAgent) {
        return sendTo(method, "http://127.0.0.1:" + port + pathAndQuery, form, userAgent);
    }

    /** A request to an absolute URL (a link taken from a received e-mail), as a browser sends it. */
    public HttpResponse<String> sendTo(String method, String url, String form, String userAgent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET sent from the local address {@code from} (any of 127/8 works on loopback) with an {@code X-Forwarded-For}
     * header, as a reverse proxy at that address would relay it; returns the status line.
     */
    public String getVia(String from, String forwardedFor, String pathAndQuery) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: " + BROWSER
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = reply.indexOf("\r\n");
            return end < 0 ? reply : reply.substring(0, end);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
