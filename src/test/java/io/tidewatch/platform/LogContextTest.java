package io.tidewatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log context of background work: ids while it runs, and the thread's own context back afterwards. */
class LogContextTest {

    @AfterEach
    void clear() {
        MDC.remove(LogContext.TENANT);
        MDC.remove(LogContext.CAMPAIGN);
    }

    @Test
    void carriesTheCampaignAndItsOrganizationWhileOpen() {
        try (LogContext context = LogContext.campaign(7, 42)) {
            assertThat(MDC.get(LogContext.TENANT)).isEqualTo("7");
            assertThat(MDC.get(LogContext.CAMPAIGN)).isEqualTo("42");
        }
        assertThat(MDC.get(LogContext.TENANT)).isNull();
        assertThat(MDC.get(LogContext.CAMPAIGN)).isNull();
    }

    @Test
    void givesBackWhatTheThreadCarriedBefore() {
        MDC.put(LogContext.TENANT, "3");
        MDC.put(LogContext.CAMPAIGN, "9");
        try (LogContext context = LogContext.tenant(5)) {
            assertThat(MDC.get(LogContext.TENANT)).isEqualTo("5");
            assertThat(MDC.get(LogContext.CAMPAIGN)).as("another campaign's id never leaks in").isNull();
        }
        assertThat(MDC.get(LogContext.TENANT)).isEqualTo("3");
        assertThat(MDC.get(LogContext.CAMPAIGN)).isEqualTo("9");
    }
}
