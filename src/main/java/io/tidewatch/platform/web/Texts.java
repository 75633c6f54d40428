package io.tidewatch.platform.web;

/** Small checks on request strings shared by the Gophish resources: null means empty, and lengths are bounded. */
public final class Texts {

    private Texts() {
    }

    /** The value, or "" for null. */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** 400 naming {@code field} when the value is longer than {@code max} characters. */
    public static String atMost(String value, int max, String field) {
        String v = orEmpty(value);
        if (v.length() > max) {
            throw ApiException.badRequest(field + ": at most " + max + " characters");
        }
        return v;
    }
}
