package io.tidewatch.platform.classdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class list for the class-data archive leaves out the classes a multi-release jar replaces for the running
 * Java version, and every line that names one; everything else is kept as written.
 */
class ClassListFilterTest {

    private static final String PLAIN_LAMBDA = "@lambda-proxy org/example/util/Plain run ()Ljava/lang/Runnable; ()V "
            + "REF_invokeStatic org/example/util/Plain x ()V ()V";

    @TempDir
    Path app;

    @Test
    void findsTheClassesMultiReleaseJarsOnTheClassPathReplace() throws IOException {
        writeApplicationJar();

        assertThat(ClassListFilter.versionedClasses(app.resolve("quarkus-run.jar"), 17))
                .containsExactlyInAnyOrder("org/example/util/Cleaner", "org/example/util/Cleaner$Wrapper");
        assertThat(ClassListFilter.versionedClasses(app.resolve("quarkus-run.jar"), 21))
                .contains("org/example/util/Future");
    }

    @Test
    void dropsEveryLineNamingAReplacedClassAndKeepsTheRest() throws IOException {
        writeApplicationJar();
        ClassListFilter filter = new ClassListFilter(
                ClassListFilter.versionedClasses(app.resolve("quarkus-run.jar"), 17));

        List<String> kept = filter.filter(List.of(
                "# NOTE: Do not modify this file.",
                "java/lang/Object",
                "org/example/util/Plain",
                "org/example/util/Cleaner",
                "org/example/util/Cleaner$Wrapper",
                "@lambda-proxy org/example/util/Plain run (Lorg/example/util/Cleaner$Wrapper;)Ljava/lang/Runnable; ()V",
                PLAIN_LAMBDA,
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L",
                "org/example/util/Versioned",
                "org/example/util/CleanerFactory"));

        assertThat(kept).containsExactly(
                "# NOTE: Do not modify this file.",
                "java/lang/Object",
                "org/example/util/Plain",
                PLAIN_LAMBDA,
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L",
                "org/example/util/Versioned",
                "org/example/util/CleanerFactory");
    }

    @Test
    void readsAndWritesClassListFiles() throws IOException {
        writeApplicationJar();
        Files.write(app.resolve("classes.lst"), List.of("org/example/util/Plain", "org/example/util/Cleaner"));

        ClassListFilter.main(new String[] { app.resolve("quarkus-run.jar").toString(),
                app.resolve("classes.lst").toString(), app.resolve("archive.lst").toString() });

        assertThat(Files.readAllLines(app.resolve("archive.lst"))).containsExactly("org/example/util/Plain");
    }

    /**
     * quarkus-run.jar whose manifest puts two jars on the class path: a multi-release one replacing two classes for
     * Java 11 and one for Java 21, and a plain one whose META-INF/versions entries mean nothing.
     */
    private void writeApplicationJar() throws IOException {
        Files.createDirectories(app.resolve("lib/main"));
        jar(app.resolve("quarkus-run.jar"), Map.of(Attributes.Name.CLASS_PATH.toString(),
                "lib/main/org.example.multi.jar lib/main/org.example.plain.jar lib/main/missing.jar"), List.of());
        jar(app.resolve("lib/main/org.example.multi.jar"), Map.of("Multi-Release", "true"), List.of(
                "org/example/util/Plain.class", "org/example/util/Cleaner.class",
                "META-INF/versions/11/org/example/util/Cleaner.class",
                "META-INF/versions/11/org/example/util/Cleaner$Wrapper.class",
                "META-INF/versions/9/module-info.class", "META-INF/versions/21/org/example/util/Future.class"));
        jar(app.resolve("lib/main/org.example.plain.jar"), Map.of(), List.of(
                "org/example/util/Versioned.class", "META-INF/versions/11/org/example/util/Versioned.class"));
    }

    private static void jar(Path path, Map<String, String> attributes, List<String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
                jar.closeEntry();
            }
        }
    }
}
