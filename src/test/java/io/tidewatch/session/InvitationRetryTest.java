package io.tidewatch.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/** An invitation survives a relay that refuses it for a while or drops the connection: it arrives, once. */
@QuarkusTest
@WithTestResource(InvitationRetryTest.ScriptedRelay.class)
class InvitationRetryTest {

    /** Points the platform's own mailer at the scripted SMTP server. */
    public static class ScriptedRelay implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String[] hostPort = ScriptedSmtp.shared().hostPort().split(":");
            return Map.of("quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", hostPort[0],
                    "quarkus.mailer.port", hostPort[1],
                    "quarkus.mailer.tls", "false",
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.login", "DISABLED");
        }

        @Override
        public void stop() {
            // The scripted server is shared by the whole test run.
        }
    }

    @Test
    void anInvitationRefusedTwiceArrivesOnTheThirdAttemptAndOnlyOnce() throws InterruptedException {
        ScriptedSmtp smtp = ScriptedSmtp.shared();
        Tenant tenant = Fixtures.tenant("Relay", 10);
        Fixtures.Account dana = Fixtures.clientAccount("dana-" + Fixtures.unique() + "@relay.test");
        smtp.script(dana.username(), "451 4.3.0 try again later", ScriptedSmtp.DROP_AT_RCPT);

        Api.asAdmin().body(Map.of("user_id", dana.id(), "role", "viewer"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(201);

        Waiting.until("the invitation arrives", Duration.ofSeconds(30), () -> !smtp.deliveredTo(dana.username()).isEmpty());
        Thread.sleep(3_000); // a second copy would arrive now
        assertThat(smtp.deliveredTo(dana.username())).hasSize(1);
        assertThat(smtp.deliveredTo(dana.username()).get(0).content()).contains("Relay");
    }
}
