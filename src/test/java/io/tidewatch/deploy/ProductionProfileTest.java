package io.tidewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the production profile switches on: JSON logs with the MDC, while development and tests log plain lines. */
class ProductionProfileTest {

    private static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    @Test
    void productionLogsJsonAndEveryOtherProfilePlainLines() throws IOException {
        String properties = Files.readString(PROPERTIES);

        assertThat(properties).containsPattern("(?m)^%prod\\.quarkus\\.log\\.console\\.json\\.enabled=true$")
                .containsPattern("(?m)^quarkus\\.log\\.console\\.json\\.enabled=false$")
                .doesNotContainPattern("(?m)^%(dev|test)[^.]*\\.quarkus\\.log\\.console\\.json\\.enabled=true")
                .doesNotContainPattern("(?m)^[^#]*quarkus\\.log\\.console\\.json\\.(print-details|exclude-fields)=.*mdc");
    }

    @Test
    void plainLinesShowTheTenant() throws IOException {
        assertThat(Files.readString(PROPERTIES)).containsPattern("(?m)^quarkus\\.log\\.console\\.format=.*%X\\{tenantId}");
    }
}
