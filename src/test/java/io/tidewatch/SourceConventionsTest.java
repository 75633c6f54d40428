package io.tidewatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Logging habits of STYLE.md that a compiler cannot see: printf variants only, no concatenation, no PII at INFO. */
class SourceConventionsTest {

    private static final Pattern LOG_CALL = Pattern.compile("Log\\.(\\w+)\\(([^;]*)\\);", Pattern.DOTALL);

    @Test
    void logCallsUsePrintfVariantsWithoutConcatenation() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : mainSources()) {
            Matcher call = LOG_CALL.matcher(Files.readString(file));
            while (call.find()) {
                String method = call.group(1);
                String args = call.group(2);
                if (method.endsWith("v") || args.contains("{}") || args.matches("(?s).*\"\\s*\\+.*")) {
                    offences.add(file.getFileName() + ": Log." + method);
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void addressesAreNeverLoggedAtInfoOrAbove() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : mainSources()) {
            if (file.endsWith("InitialAdmin.java")) {
                // Prints the generated first credentials once, by design (Gophish does the same).
                continue;
            }
            Matcher call = LOG_CALL.matcher(Files.readString(file));
            while (call.find()) {
                boolean loud = call.group(1).startsWith("info") || call.group(1).startsWith("warn")
                        || call.group(1).startsWith("error");
                if (loud && call.group(2).matches("(?is).*\\b(email|username|password)\\b.*")) {
                    offences.add(file.getFileName() + ": Log." + call.group(1));
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
