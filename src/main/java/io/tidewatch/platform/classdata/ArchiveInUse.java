package io.tidewatch.platform.classdata;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Warns when the JVM was given a class-data archive it did not use. The JVM drops an archive made by another build or
 * another java, or started from another directory, without a word, and the service then starts about 2 s slower.
 */
@Singleton
class ArchiveInUse {

    private static final String UNUSED = "The class-data archive %s was not used (made by another build or another java,"
            + " or the service was started from another directory): start-up is slower. Make it again"
            + " (src/main/scripts/class-data-archive.sh); -Xlog:cds tells why.";

    void onStart(@Observes StartupEvent event) {
        unusedArchive(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.vm.info", ""))
                .ifPresent(archive -> Log.warnf(UNUSED, archive));
    }

    /** The archive named on the command line when the JVM runs without class sharing ("sharing" in its info). */
    static Optional<String> unusedArchive(List<String> jvmArguments, String vmInfo) {
        if (vmInfo.contains("sharing")) {
            return Optional.empty();
        }
        return jvmArguments.stream().filter(argument -> argument.startsWith("-XX:SharedArchiveFile="))
                .map(argument -> argument.substring("-XX:SharedArchiveFile=".length())).reduce((first, last) -> last);
    }
}
