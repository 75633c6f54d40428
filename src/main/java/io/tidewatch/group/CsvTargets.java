package io.tidewatch.group;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tidewatch.platform.web.ApiException;

/**
 * Reads recipients from CSV as real exports write it: comma, semicolon or tab (sniffed from the header line); UTF-8
 * with or without a BOM, UTF-16 with a BOM, or Windows-1252 when the bytes are not UTF-8 and decode cleanly as it;
 * header names in their common variants; quoted fields per RFC 4180. Every bad row is reported with its line number
 * and nothing is returned when any row is bad; no field is ever taken from another row.
 */
public final class CsvTargets {

    /** One bad row: its 1-based line in the file (the header is line 1) and what is wrong. */
    @RegisterForReflection
    @JsonPropertyOrder({ "line", "message" })
    public record RowError(int line, String message) {
    }

    /** The outcome: the targets, or the errors (never both). */
    public record Result(List<TargetJson> targets, List<RowError> errors) {
    }

    private enum Column {
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        POSITION
    }

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("firstname", Column.FIRST_NAME), Map.entry("first", Column.FIRST_NAME),
            Map.entry("givenname", Column.FIRST_NAME), Map.entry("forename", Column.FIRST_NAME),
            Map.entry("vorname", Column.FIRST_NAME), Map.entry("prenom", Column.FIRST_NAME),
            Map.entry("lastname", Column.LAST_NAME), Map.entry("last", Column.LAST_NAME),
            Map.entry("surname", Column.LAST_NAME), Map.entry("familyname", Column.LAST_NAME),
            Map.entry("nachname", Column.LAST_NAME), Map.entry("nom", Column.LAST_NAME),
            Map.entry("email", Column.EMAIL), Map.entry("emailaddress", Column.EMAIL), Map.entry("mail", Column.EMAIL),
            Map.entry("mailaddress", Column.EMAIL), Map.entry("emailadresse", Column.EMAIL),
            Map.entry("primaryemail", Column.EMAIL), Map.entry("position", Column.POSITION),
            Map.entry("title", Column.POSITION), Map.entry("jobtitle", Column.POSITION));

    private CsvTargets() {
    }

    /** Parses one file's bytes; file-level problems (encoding, no e-mail column) are a 400. */
    public static Result parse(byte[] bytes) {
        String text = decode(bytes);
        List<Integer> lineStarts = lineStarts(text);
        char delimiter = sniff(firstLine(text));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<TargetJson> targets = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int[] columns = null;
            int width = 0;
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (columns == null) {
                    width = record.size();
                    columns = columns(record);
                    continue;
                }
                row(record, line, columns, width, targets, errors);
            }
            if (columns == null) {
                throw ApiException.badRequest("The CSV file is empty");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("Error parsing CSV: " + rootMessage(e));
        }
        return errors.isEmpty() ? new Result(List.copyOf(targets), List.of()) : new Result(List.of(), errors);
    }

    private static void row(CSVRecord record, int line, int[] columns, int width, List<TargetJson> targets,
            List<RowError> errors) {
        List<String> values = record.toList();
        if (values.stream().allMatch(String::isBlank)) {
            return;
        }
        if (values.size() < width) {
            errors.add(new RowError(line, "expected " + width + " fields, found " + values.size()));
            return;
        }
        if (values.size() > width && !values.subList(width, values.size()).stream().allMatch(String::isBlank)) {
            errors.add(new RowError(line, "expected " + width + " fields, found " + values.size()
                    + " (is a field with the delimiter in it missing its quotes?)"));
            return;
        }
        String email = field(values, columns[Column.EMAIL.ordinal()]);
        if (email.isBlank()) {
            errors.add(new RowError(line, "no e-mail address"));
            return;
        }
        try {
            TargetJson target = new TargetJson(email, field(values, columns[Column.FIRST_NAME.ordinal()]),
                    field(values, columns[Column.LAST_NAME.ordinal()]), field(values, columns[Column.POSITION.ordinal()]));
            targets.add(GroupService.normalize(target, "line " + line));
        } catch (ApiException e) {
            errors.add(new RowError(line, e.getMessage()));
        }
    }

    private static int[] columns(CSVRecord header) {
        int[] columns = new int[Column.values().length];
        Arrays.fill(columns, -1);
        for (int i = 0; i < header.size(); i++) {
            Column column = HEADERS.get(canonical(header.get(i)));
            if (column != null && columns[column.ordinal()] < 0) {
                columns[column.ordinal()] = i;
            }
        }
        if (columns[Column.EMAIL.ordinal()] < 0) {
            throw ApiException.badRequest("No e-mail column in the header line: name one column Email (or E-mail,"
                    + " E-Mail Address, Mail); first name, last name and position columns are optional");
        }
        return columns;
    }

    /** Lower-case letters and digits only, accents removed: "E-Mail Address" and "email_address" match. */
    static String canonical(String header) {
        String plain = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String field(List<String> values, int index) {
        return index < 0 ? "" : values.get(index).strip();
    }

    /** The file as text: BOM-marked UTF-8 or UTF-16, plain UTF-8, or Windows-1252 when that decodes cleanly. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8, "UTF-8");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
            String text = strict(bytes, StandardCharsets.UTF_16, "UTF-16");
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                String text = decoder(Charset.forName("windows-1252")).decode(ByteBuffer.wrap(bytes)).toString();
                if (text.chars().noneMatch(c -> c >= 0x80 && c <= 0x9f)) {
                    return text;
                }
            } catch (CharacterCodingException notWindows) {
                // falls through to the refusal below
            }
            throw ApiException.badRequest("The CSV file is neither UTF-8 nor Windows-1252 text. Save it as"
                    + " \"CSV UTF-8\" and import it again.");
        }
    }

    private static String strict(byte[] bytes, Charset charset, String name) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The CSV file starts with a " + name + " byte-order mark but is not valid "
                    + name + " text");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The delimiter that occurs most often outside quotes in the header line; comma on a tie or none. */
    static char sniff(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String firstLine(String text) {
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lineOf(List<Integer> starts, long position) {
        int index = java.util.Collections.binarySearch(starts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "unreadable file" : root.getMessage();
    }
}
