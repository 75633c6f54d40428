package io.tidewatch.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

import com.openhtmltopdf.util.XRLog;

/** The PDF library's messages go to the service's log under the library's categories, at their own levels. */
class PdfLogTest {

    @Test
    void forwardsTheLibrarysMessagesToItsCategoryInTheServiceLog() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                records.add(record);
            }
        };
        Logger category = LogContext.getLogContext().getLogger(XRLog.LOAD);
        category.addHandler(capture);
        try {
            new PdfLog().log(XRLog.LOAD, Level.WARNING, "Could not load font");
            new PdfLog().log(XRLog.LOAD, Level.SEVERE, "Broken image", new IllegalStateException("boom"));
        } finally {
            category.removeHandler(capture);
        }

        assertThat(records).extracting(ExtLogRecord::getMessage).containsExactly("Could not load font", "Broken image");
        assertThat(records).extracting(record -> record.getLevel().intValue())
                .containsExactly(Level.WARN.intValue(), Level.ERROR.intValue());
        assertThat(records.get(1).getThrown()).hasMessage("boom");
    }

    @Test
    void mapsTheLibrarysLevels() {
        assertThat(PdfLog.level(Level.SEVERE)).isEqualTo(org.jboss.logging.Logger.Level.ERROR);
        assertThat(PdfLog.level(Level.WARNING)).isEqualTo(org.jboss.logging.Logger.Level.WARN);
        assertThat(PdfLog.level(Level.INFO)).isEqualTo(org.jboss.logging.Logger.Level.INFO);
        assertThat(PdfLog.level(Level.FINE)).isEqualTo(org.jboss.logging.Logger.Level.DEBUG);
        assertThat(PdfLog.level(Level.FINEST)).isEqualTo(org.jboss.logging.Logger.Level.TRACE);
    }

    @Test
    void theRendererInstallsIt() throws Exception {
        Class.forName(PdfRenderer.class.getName(), true, PdfRenderer.class.getClassLoader());
        java.lang.reflect.Field impl = XRLog.class.getDeclaredField("loggerImpl");
        impl.setAccessible(true);
        assertThat(impl.get(null)).isInstanceOf(PdfLog.class);
    }
}
