package io.tidewatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny SMTP server on 127.0.0.1 whose answers per recipient are scripted: {@code "451 ..."} / {@code "550 ..."}
 * at RCPT, {@link #DROP_AFTER_DATA} (read the content, then hang up without answering) or {@link #DROP_AT_RCPT}
 * (hang up before DATA). Each script is a queue: {@code 451} then {@code 250} fails once, then accepts. Accepted
 * messages are kept, with their recipient and content.
 */
public final class ScriptedSmtp implements AutoCloseable {

    /** Reads the content, then closes the connection without the final reply. */
    public static final String DROP_AFTER_DATA = "DROP_AFTER_DATA";
    /** Closes the connection when the recipient is given. */
    public static final String DROP_AT_RCPT = "DROP_AT_RCPT";

    private static volatile ScriptedSmtp shared;

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<String> transmitted = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong probes = new java.util.concurrent.atomic.AtomicLong();

    /** A message the server accepted (or, for {@link #DROP_AFTER_DATA}, received and hung up on). */
    public record Delivered(String recipient, String content) {
    }

    private ScriptedSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    /** One server for the whole test run (a sink unless scripted). */
    public static synchronized ScriptedSmtp shared() {
        if (shared == null) {
            try {
                shared = new ScriptedSmtp();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** {@code 127.0.0.1:port}, as a sending profile's host. */
    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Scripts the answers to RCPT for this recipient, in order; afterwards it is accepted. */
    public void script(String recipient, String... answers) {
        scripts.put(recipient.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(answers)));
    }

    /** Messages accepted for this recipient. */
    public List<Delivered> deliveredTo(String recipient) {
        return delivered.stream().filter(d -> d.recipient().equalsIgnoreCase(recipient)).toList();
    }

    /** Messages whose content reached the server for this recipient (accepted or hung up on after DATA). */
    public long transmittedTo(String recipient) {
        return transmitted.stream().filter(r -> r.equalsIgnoreCase(recipient)).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            String pending = null;
            for (String line; (line = in.readLine()) != null;) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted\r\n250 8BITMIME");
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 scripted");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                    Deque<String> script = scripts.get(recipient.toLowerCase(Locale.ROOT));
                    String answer = script == null ? null : script.poll();
                    if (DROP_AT_RCPT.equals(answer)) {
                        return;
                    }
                    pending = DROP_AFTER_DATA.equals(answer) ? answer : null;
                    reply(out, answer == null || pending != null ? "250 OK" : answer);
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder content = new StringBuilder();
                    for (String data; (data = in.readLine()) != null && !data.equals(".");) {
                        content.append(data.startsWith("..") ? data.substring(1) : data).append("\r\n");
                    }
                    transmitted.add(recipient);
                    if (DROP_AFTER_DATA.equals(pending)) {
                        return;
                    }
                    delivered.add(new Delivered(recipient, content.toString()));
                    reply(out, "250 accepted");
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    if (command.startsWith("NOOP")) {
                        probes.incrementAndGet();
                    }
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** How many NOOP commands clients sent so far (connection probes). */
    public long noops() {
        return probes.get();
    }

    /** All deliveries so far. */
    public List<Delivered> delivered() {
        return new ArrayList<>(delivered);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
