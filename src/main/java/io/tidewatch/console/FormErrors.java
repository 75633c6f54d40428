package io.tidewatch.console;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidewatch.platform.web.ApiException;

/**
 * The errors of a submitted form, shown next to their fields: the services name the field a refusal is about
 * ({@code slug: must be ...}), so the message goes beside that field; anything else is shown above the form.
 */
public final class FormErrors {

    private static final Pattern FIELD = Pattern.compile("^([a-z][a-z0-9_]*): (.+)$", Pattern.DOTALL);

    private final Map<String, String> fields = new HashMap<>();
    private String general;
    private int status = 200;

    /** No errors: a form shown for the first time. */
    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * The error of a refused submission; {@code aliases} maps the start of a message without a field prefix to the
     * field it concerns ("Password must be ..." → {@code password}); the longest matching start wins.
     */
    public static FormErrors of(ApiException e, Map<String, String> aliases) {
        FormErrors errors = new FormErrors();
        errors.status = e.status();
        String message = e.getMessage() == null ? "The request was refused." : e.getMessage();
        Matcher m = FIELD.matcher(message);
        if (m.matches()) {
            errors.fields.put(m.group(1), capitalize(m.group(2)));
            return errors;
        }
        String field = aliases.entrySet().stream().filter(a -> message.startsWith(a.getKey()))
                .max(java.util.Comparator.comparingInt(a -> a.getKey().length())).map(Map.Entry::getValue).orElse(null);
        if (field != null) {
            errors.fields.put(field, message);
        } else {
            errors.general = e.status() == 403 && "Forbidden".equals(message) ? "You are not allowed to do this." : message;
        }
        return errors;
    }

    /** A message about one field. */
    public static FormErrors field(String field, String message) {
        FormErrors errors = new FormErrors();
        errors.status = 400;
        errors.fields.put(field, message);
        return errors;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** True when anything is wrong. */
    public boolean any() {
        return general != null || !fields.isEmpty();
    }

    /** The message above the form, or null. */
    public String general() {
        return general;
    }

    /** The message for {@code field}, or null. */
    public String get(String field) {
        return fields.get(field);
    }

    /** True when {@code field} has a message. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** True when the refusal was the seat cap (402). */
    public boolean seatCap() {
        return status == 402;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
