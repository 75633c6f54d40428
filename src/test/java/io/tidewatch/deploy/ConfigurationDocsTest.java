package io.tidewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.smallrye.config.ConfigMapping;

/**
 * The README's configuration section names the environment variable of every Tidewatch setting (each
 * {@code @ConfigMapping} method and {@code @ConfigProperty}) and of every variable the Kubernetes manifests set.
 */
class ConfigurationDocsTest {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"(tidewatch\\.[^\"]+)\"");
    private static final Pattern MANIFEST_VARIABLE = Pattern.compile("(?m)^\\s*(?:- name: )?([A-Z][A-Z0-9_]+):?\\s");
    /** Settings kept for tests only, or on their way out, that operators must not set. */
    private static final Set<String> UNDOCUMENTED = Set.of(
            // Retired for deployments: the phishing door trusts TIDEWATCH_TRUSTED_PROXIES, like the admin door.
            "TIDEWATCH_PHISH_TRUST_FORWARDED_FOR");

    @Test
    void everyTidewatchSettingIsDocumented() throws IOException {
        Set<String> variables = new TreeSet<>();
        mappedSettings().forEach(name -> variables.add(environmentName(name)));
        propertySettings().forEach(name -> variables.add(environmentName(name)));
        variables.removeAll(UNDOCUMENTED);

        assertThat(variables).hasSizeGreaterThan(30).allSatisfy(variable -> assertThat(configurationSection())
                .as("README configuration section").contains("`" + variable + "`"));
    }

    @Test
    void everyVariableTheManifestsSetIsDocumented() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String file : List.of("configmap.yaml", "deployment.yaml")) {
            Matcher variable = MANIFEST_VARIABLE.matcher(Files.readString(Path.of("k8s", file)));
            while (variable.find()) {
                variables.add(variable.group(1));
            }
        }

        assertThat(variables).contains("TIDEWATCH_TRUSTED_PROXIES", "TIDEWATCH_SESSION_KEY")
                .allSatisfy(variable -> assertThat(configurationSection()).contains("`" + variable + "`"));
    }

    /** tidewatch.phish.queue-capacity becomes TIDEWATCH_PHISH_QUEUE_CAPACITY, as SmallRye Config maps them. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<String> mappedSettings() {
        List<String> names = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tidewatch")) {
            if (!type.isAnnotatedWith(ConfigMapping.class)) {
                continue;
            }
            Class<?> mapping = type.reflect();
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Method method : mapping.getDeclaredMethods()) {
                if (!method.isDefault() && !method.isSynthetic()) {
                    names.add(prefix + "." + kebab(method.getName()));
                }
            }
        }
        return names;
    }

    private static List<String> propertySettings() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher property = CONFIG_PROPERTY.matcher(Files.readString(file));
                while (property.find()) {
                    names.add(property.group(1));
                }
            }
        }
        return names;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String configurationSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README has a Configuration section").isNotNegative();
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
