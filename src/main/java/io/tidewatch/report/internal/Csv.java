package io.tidewatch.report.internal;

/**
 * CSV cells as RFC 4180 writes them, with spreadsheet formula injection neutralised: a text cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so no spreadsheet runs it as a formula.
 * Numbers and dates that Tidewatch itself writes are never altered.
 */
public final class Csv {

    private Csv() {
    }

    /** A cell holding text that came from people (names, addresses, statuses). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormulaStart(value.charAt(0)) ? "'" + value : value;
        return quoted(safe);
    }

    /** A cell Tidewatch wrote itself (numbers, RFC 3339 times): quoted only if needed, never prefixed. */
    public static String plain(String value) {
        return value == null ? "" : quoted(value);
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static String quoted(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
