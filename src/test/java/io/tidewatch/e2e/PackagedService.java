package io.tidewatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The packaged production build ({@code target/quarkus-app/quarkus-run.jar}, built with {@code -Ppostgresql}) run as a
 * process of its own, configured by environment variables only, as an operator would run it. Its output goes to
 * {@code target/e2e/service.log}; {@link #logTail} shows the end of it when something fails.
 */
final class PackagedService implements AutoCloseable {

    /** The initial MSSP admin's API key, given to the service through the environment. */
    static final String ADMIN_KEY = "e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0e2e0";

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final int adminPort;
    private final int phishPort;
    private final Duration startup;

    private PackagedService(Process process, Path log, int adminPort, int phishPort, Duration startup) {
        this.process = process;
        this.log = log;
        this.adminPort = adminPort;
        this.phishPort = phishPort;
        this.startup = startup;
    }

    /**
     * Starts the service on free ports of 127.0.0.1 against {@code jdbcUrl}, sending its own e-mail (invitations) to
     * the SMTP server on {@code smtpPort}, and waits until it is ready.
     */
    static PackagedService start(String jdbcUrl, String dbUser, int smtpPort, Path workDir) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it with ./mvnw package -Ppostgresql");
        }
        int adminPort = freePort();
        int phishPort = freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-Xmx512m", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(adminPort));
        env.put("TIDEWATCH_PHISH_HOST", "127.0.0.1");
        env.put("TIDEWATCH_PHISH_PORT", Integer.toString(phishPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("TIDEWATCH_INITIAL_ADMIN_PASSWORD", "end-to-end-admin-password");
        env.put("TIDEWATCH_INITIAL_ADMIN_API_KEY", ADMIN_KEY);
        env.put("TIDEWATCH_ENCRYPTION_KEY", base64("end-to-end-encryption-key-32-by!"));
        env.put("TIDEWATCH_TOKEN_KEY", base64("end-to-end-token-signing-key-32!"));
        // The sending profiles point at an SMTP server on this machine; production refuses loopback unless told.
        env.put("TIDEWATCH_OUTBOUND_ALLOW_PRIVATE", "true");
        env.put("TIDEWATCH_PUBLIC_BASE_URL", "http://127.0.0.1:" + adminPort);
        env.put("TIDEWATCH_MAIL_FROM", "no-reply@sat.example-mssp.com");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtpPort));
        env.put("QUARKUS_MAILER_TLS", "false");
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("QUARKUS_MAILER_LOGIN", "DISABLED");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extraEnv());
        long started = System.nanoTime();
        PackagedService service = new PackagedService(builder.start(), log, adminPort, phishPort, Duration.ZERO);
        service.awaitReady();
        return new PackagedService(service.process, log, adminPort, phishPort,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The admin API's base URL. */
    String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    /** The admin listener's port. */
    int adminPort() {
        return adminPort;
    }

    /** The phishing listener's base URL (a campaign's {@code url}). */
    String phishUrl() {
        return "http://127.0.0.1:" + phishPort;
    }

    /** How long the process took from launch to ready. */
    Duration startup() {
        return startup;
    }

    /** The last {@code lines} lines the service printed. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no service log: " + e.getMessage() + ")";
        }
    }

    /** Everything the service printed. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(adminUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged service exited with status " + process.exitValue()
                        + " before it was ready; its log ends with:\n" + logTail(60));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the service", e);
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException("the packaged service was not ready after " + START_TIMEOUT
                + "; its log ends with:\n" + logTail(60));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A port nobody listens on at the moment, on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** More settings for the service from {@code TIDEWATCH_E2E_SERVICE_ENV} ({@code NAME=value,NAME=value}). */
    private static Map<String, String> extraEnv() {
        Map<String, String> extra = new java.util.HashMap<>();
        String spec = System.getenv("TIDEWATCH_E2E_SERVICE_ENV");
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                int eq = pair.indexOf('=');
                extra.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return extra;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String base64(String thirtyTwoBytes) {
        return Base64.getEncoder().encodeToString(thirtyTwoBytes.getBytes(StandardCharsets.US_ASCII));
    }
}
