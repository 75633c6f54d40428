package io.tidewatch.gotemplate;

/** A template that does not parse or names a variable that does not exist; the message is meant for the author. */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** A failure at {@code line} (1-based). */
    public TemplateException(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line of the offending action. */
    public int line() {
        return line;
    }

    /** The message with the line, for an author who has to find it: {@code unknown variable {{.EMAIL}} (line 3)}. */
    public String describe(String where) {
        return getMessage() + " (" + (where == null ? "" : where + ", ") + "line " + line + ")";
    }
}
