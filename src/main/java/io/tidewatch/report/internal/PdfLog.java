package io.tidewatch.report.internal;

import org.jboss.logging.Logger;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

/**
 * Sends OpenHTMLtoPDF's log to the service's own log (JSON in production, levels from the {@code com.openhtmltopdf}
 * categories) instead of the library's console handler, which wrote plain-text lines into the JSON log. The library's
 * interface speaks {@code java.util.logging} levels; they are written out in full here, the one place that takes them.
 */
final class PdfLog implements XRLogger {

    @Override
    public void log(String where, java.util.logging.Level level, String message) {
        Logger.getLogger(where).log(level(level), message);
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message, Throwable error) {
        Logger.getLogger(where).log(level(level), message, error);
    }

    /** Levels come from the service's configuration, not from the library. */
    @Override
    public void setLevel(String where, java.util.logging.Level level) {
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return Logger.getLogger(diagnostic.getLogMessageId().getWhere()).isEnabled(level(diagnostic.getLevel()));
    }

    static Logger.Level level(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Logger.Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Logger.Level.WARN;
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return Logger.Level.INFO;
        }
        return value >= java.util.logging.Level.FINE.intValue() ? Logger.Level.DEBUG : Logger.Level.TRACE;
    }
}
