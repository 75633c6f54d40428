package io.tidewatch.platform.classdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** An archive the JVM was given but dropped is named, so that the slower start does not go unnoticed. */
class ArchiveInUseTest {

    @Test
    void namesAnArchiveTheJvmDidNotMap() {
        assertThat(ArchiveInUse.unusedArchive(List.of("-Xmx200m", "-XX:SharedArchiveFile=app-cds.jsa"), "mixed mode"))
                .contains("app-cds.jsa");
    }

    @Test
    void saysNothingWhenTheArchiveIsInUseOrNoneWasGiven() {
        assertThat(ArchiveInUse.unusedArchive(List.of("-XX:SharedArchiveFile=app-cds.jsa"), "mixed mode, sharing"))
                .isEmpty();
        assertThat(ArchiveInUse.unusedArchive(List.of("-Xmx200m"), "mixed mode")).isEmpty();
    }
}
