package io.tidewatch.report.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;

import io.quarkus.logging.Log;

/**
 * Turns report XHTML into PDF with OpenHTMLtoPDF: DejaVu Sans embedded (from the classpath, so names such as
 * "Łódź" print in containers without system fonts), SVG through Batik with scripts and external resources off, and
 * no resource loaded from anywhere but {@code data:} URIs. At most one render per core runs at a time; a request
 * that cannot get a turn within {@code tidewatch.reports.pdf-queue-wait} is refused with {@link PdfBusyException}.
 */
@ApplicationScoped
public class PdfRenderer {

    /** The family name the report's CSS asks for. */
    public static final String FAMILY = "DejaVu Sans";

    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

    private final Semaphore turns;
    private final Duration queueWait;
    private final File regular;
    private final File bold;
    private final FSCacheEx<String, FSCacheValue> metrics = new MetricsCache();

    static {
        XRLog.setLoggerImpl(new PdfLog());
    }

    PdfRenderer(@ConfigProperty(name = "tidewatch.reports.pdf-queue-wait", defaultValue = "10s") Duration queueWait,
            @ConfigProperty(name = "tidewatch.reports.pdf-concurrency", defaultValue = "0") int concurrency) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(concurrency > 0 ? concurrency : cores, true);
        this.queueWait = queueWait;
        this.regular = extract("DejaVuSans.ttf");
        this.bold = extract("DejaVuSans-Bold.ttf");
        registerWithJava2d(regular);
        registerWithJava2d(bold);
    }

    /** The rendering turns (tests take them all to see a request refused). */
    Semaphore turns() {
        return turns;
    }

    /** Renders the document; waits for a turn first. */
    public byte[] render(String xhtml) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PdfBusyException();
        }
        if (!acquired) {
            throw new PdfBusyException();
        }
        try {
            return build(xhtml);
        } finally {
            turns.release();
        }
    }

    private byte[] build(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // The plain form registers for the document; the use-case form alone would leave the document on Times.
        builder.useFont(regular, FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(bold, FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(regular, FAMILY, 400, FontStyle.NORMAL, true,
                EnumSet.of(FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL));
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("Tidewatch");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the report PDF", e);
        }
        return out.toByteArray();
    }

    /** Copies a font out of its jar once, since OpenHTMLtoPDF's SVG text needs a file. */
    private static File extract(String name) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + name);
            }
            Path file = Files.createTempFile("tidewatch-font-", ".ttf");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the report font " + name, e);
        }
    }

    /** Lets Java2D (used by Batik for text in SVG logos) find DejaVu even on hosts without any system font. */
    private static void registerWithJava2d(File font) {
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, font));
        } catch (IOException | FontFormatException | RuntimeException | Error e) {
            Log.debugf("Java2D could not register %s (%s); SVG text falls back to its default font", font.getName(),
                    e.getClass().getSimpleName());
        }
    }

    /** Font metrics shared by every render (they depend only on the font files). */
    private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {

        private final Map<String, FSCacheValue> values = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            values.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return values.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException("could not load font metrics", e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return values.get(key);
        }
    }
}
