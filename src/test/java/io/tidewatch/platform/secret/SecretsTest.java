package io.tidewatch.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the encryption key comes from, and the refusal to run a PostgreSQL deployment without one. */
class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void refusesToStartOnPostgresqlWithoutAKey() {
        assertThatThrownBy(() -> new Secrets(Optional.empty(), dir.resolve("k").toString(), "postgresql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(TIDEWATCH_ENCRYPTION_KEY) is not set");
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void refusesAMalformedKey() {
        assertThatThrownBy(() -> new Secrets(Optional.of("c2hvcnQ="), "unused", "postgresql"))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void generatesAndThenReusesAKeyFileForTheEmbeddedDatabase() throws IOException {
        Path file = dir.resolve("data/encryption-key");
        Secrets first = new Secrets(Optional.empty(), file.toString(), "h2");
        String sealed = first.seal("pw", "smtp.password");
        assertThat(Files.readString(file)).hasSize(44);
        Secrets second = new Secrets(Optional.empty(), file.toString(), "h2");
        assertThat(second.open(sealed, "smtp.password")).isEqualTo("pw");
    }
}
