package io.tidewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP and IMAP server for a test class: GreenMail on free ports of 127.0.0.1, with the platform mailer pointed
 * at its SMTP port (not mocked) and one mailbox user ({@link #USER}/{@link #PASSWORD}) for sending profiles and IMAP
 * logins. Use with {@code @WithTestResource(GreenMailResource.class)} and a {@code @GreenMailResource.Inject
 * GreenMail} field; each such class restarts Quarkus, so keep them few.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    /** The mailbox user sending profiles and IMAP settings log in as. */
    public static final String USER = "mailer";
    /** Its password. */
    public static final String PASSWORD = "greenmail-pass";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.setUser("mailer@greenmail.test", USER, PASSWORD);
        greenMail.start();
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED",
                "tidewatch.mail.from", "no-reply@sat.example-mssp.test",
                "tidewatch.public-base-url", "https://sat.example-mssp.test");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(Inject.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
