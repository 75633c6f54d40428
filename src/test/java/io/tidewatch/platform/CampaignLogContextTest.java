package io.tidewatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;

/** Log lines the mailer writes while it works on a campaign carry the organization and campaign ids in the MDC. */
@QuarkusTest
class CampaignLogContextTest {

    private static final String MAILER = "io.tidewatch.mailer.MailDispatcher";

    @Inject
    TestMaterials materials;

    private final List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            if (record.getMessage().contains("batch of")) {
                contexts.add(record.getMdcCopy());
            }
        }
    };
    private java.util.logging.Level level;

    @BeforeEach
    void listen() {
        Logger logger = Logger.getLogger(MAILER);
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger logger = Logger.getLogger(MAILER);
        logger.removeHandler(capture);
        logger.setLevel(level);
    }

    @Test
    void theMailersBatchLogsCarryTenantAndCampaignIds() {
        Tenant tenant = Fixtures.northwind();
        long campaignId = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(2)).launch("http://phish.example.test/login");

        CampaignFixtures.awaitSettled(tenant, campaignId, Duration.ofSeconds(20));

        assertThat(contexts).isNotEmpty().allSatisfy(mdc -> assertThat(mdc)
                .containsEntry(LogContext.TENANT, Long.toString(tenant.id()))
                .containsEntry(LogContext.CAMPAIGN, Long.toString(campaignId)));
    }
}
