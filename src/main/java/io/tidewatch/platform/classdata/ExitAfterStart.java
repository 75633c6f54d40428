package io.tidewatch.platform.classdata;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * With {@code tidewatch.exit-after-start}, stops the service as soon as every start-up step has run: the training start
 * that records which classes a start loads, for the class-data archive (see docs/deployment.md).
 */
@Singleton
class ExitAfterStart {

    private final boolean exitAfterStart;

    ExitAfterStart(@ConfigProperty(name = "tidewatch.exit-after-start", defaultValue = "false") boolean exitAfterStart) {
        this.exitAfterStart = exitAfterStart;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        if (exitAfterStart) {
            Log.info("Started with tidewatch.exit-after-start: stopping");
            Quarkus.asyncExit(0);
        }
    }
}
