package io.tidewatch.platform.classdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.logging.Log;

/**
 * Keeps a JVM class list (written with {@code -XX:DumpLoadedClassList}) to the classes a class-data archive can serve
 * safely: it drops every line that names a class a multi-release jar replaces for this Java version
 * ({@code META-INF/versions/N/...}). Java 17 crashes when it loads such a class from an archive while a class-file
 * hook is active (Java Flight Recorder, a Java agent); those few classes are read from their jar instead.
 *
 * <p>
 * Usage, from the packaged application's directory:
 * {@code java -cp quarkus-run.jar io.tidewatch.platform.classdata.ClassListFilter quarkus-run.jar IN OUT}.
 */
public final class ClassListFilter {

    private static final Pattern VERSIONED_CLASS = Pattern.compile("META-INF/versions/(\\d+)/(.+)\\.class");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^A-Za-z0-9_$/]+");

    private final Set<String> versioned;

    ClassListFilter(Set<String> versioned) {
        this.versioned = Set.copyOf(versioned);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ClassListFilter <application jar> <class list> <filtered list>");
        }
        ClassListFilter filter = new ClassListFilter(versionedClasses(Path.of(args[0]), Runtime.version().feature()));
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        List<String> kept = filter.filter(lines);
        Files.write(Path.of(args[2]), kept, StandardCharsets.UTF_8);
        Log.infof("Class list: %d lines kept, %d naming a class a multi-release jar replaces left out", kept.size(),
                lines.size() - kept.size());
    }

    /** The lines to keep: comments, and every line that names no versioned class. */
    List<String> filter(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.startsWith("#") || !namesVersionedClass(line)) {
                kept.add(line);
            }
        }
        return kept;
    }

    private boolean namesVersionedClass(String line) {
        for (String token : NAME_SEPARATORS.split(line)) {
            // A descriptor's type (Lorg/example/Name;) splits into "Lorg/example/Name".
            if (versioned.contains(token) || token.startsWith("L") && versioned.contains(token.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The internal names of the classes that the multi-release jars on the application jar's class path (its manifest's
     * {@code Class-Path}) replace for the given Java version.
     */
    static Set<String> versionedClasses(Path applicationJar, int javaVersion) throws IOException {
        Set<String> names = new HashSet<>();
        Path directory = applicationJar.toAbsolutePath().getParent();
        for (Path jar : classPath(applicationJar)) {
            names.addAll(versionedClassesOf(directory.resolve(jar), javaVersion));
        }
        return names;
    }

    private static List<Path> classPath(Path applicationJar) throws IOException {
        List<Path> jars = new ArrayList<>();
        jars.add(applicationJar.getFileName());
        try (JarFile jar = new JarFile(applicationJar.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    jars.add(Path.of(entry));
                }
            }
        }
        return jars;
    }

    static Set<String> versionedClassesOf(Path jarPath, int javaVersion) {
        Set<String> names = new HashSet<>();
        if (!Files.isRegularFile(jarPath)) {
            return names;
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null || !"true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"))) {
                return names;
            }
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                Matcher versionedClass = VERSIONED_CLASS.matcher(entries.nextElement().getName());
                if (versionedClass.matches() && Integer.parseInt(versionedClass.group(1)) <= javaVersion
                        && !versionedClass.group(2).endsWith("module-info")) {
                    names.add(versionedClass.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jarPath, e);
        }
        return names;
    }
}
