package io.tidewatch.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;

/**
 * Which attachments are personalised per recipient, as in Gophish: {@code .txt}, {@code .html} and {@code .ics}
 * files, and the XML parts of Office Open XML documents ({@code .docx}, {@code .docm}, {@code .pptx}, {@code .xlsx},
 * {@code .xlsm}). HTML and XML parts get escaped values; text and calendar files do not.
 */
public final class AttachmentTemplating {

    private static final Set<String> TEXT = Set.of(".txt", ".ics");
    private static final Set<String> MARKUP = Set.of(".html", ".htm");
    private static final Set<String> OFFICE = Set.of(".docx", ".docm", ".pptx", ".xlsx", ".xlsm");
    private static final long MAX_UNZIPPED = 50L * 1024 * 1024;

    private AttachmentTemplating() {
    }

    /** True when the file is rendered per recipient. */
    public static boolean isTemplated(String name) {
        String ext = extension(name);
        return TEXT.contains(ext) || MARKUP.contains(ext) || OFFICE.contains(ext);
    }

    /** Checks the templated parts of the file; {@link TemplateException} or an IOException-derived 400 otherwise. */
    public static void validate(String name, byte[] content) throws IOException {
        render(name, content, PhishingContext.dummy());
    }

    /** The file as this recipient receives it. */
    public static byte[] render(String name, byte[] content, PhishingContext context) throws IOException {
        String ext = extension(name);
        if (TEXT.contains(ext) || MARKUP.contains(ext)) {
            String source = new String(content, StandardCharsets.UTF_8);
            return renderText(source, context, MARKUP.contains(ext)).getBytes(StandardCharsets.UTF_8);
        }
        if (OFFICE.contains(ext)) {
            return renderOffice(content, context);
        }
        return content;
    }

    private static String renderText(String source, PhishingContext context, boolean html) {
        return GoTemplate.parse(source, PhishingContext.VARIABLES).render(context.values(), PhishingContext.RAW_HTML,
                html);
    }

    private static byte[] renderOffice(byte[] content, PhishingContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        long total = 0;
        boolean any = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                any = true;
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, MAX_UNZIPPED - total + 1));
                total += data.length;
                if (total > MAX_UNZIPPED) {
                    throw new IOException("the document unpacks to more than 50 MiB");
                }
                String part = entry.getName().toLowerCase(Locale.ROOT);
                if (part.endsWith(".xml") || part.endsWith(".rels")) {
                    data = renderText(new String(data, StandardCharsets.UTF_8), context, true)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        if (!any) {
            throw new IOException("not an Office document (no ZIP entries)");
        }
        return out.toByteArray();
    }

    private static String extension(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }
}
