package io.tidewatch.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tidewatch.gotemplate.Expr.Type;
import io.tidewatch.gotemplate.Expr.Value;

/**
 * The parts of Go's {@code fmt} and {@code text/template} escaping that templates reach: {@code printf} with
 * {@code %s %v %d %q %%}, flags {@code -}, {@code 0}, {@code +}, widths and string precision; {@code strconv.Quote};
 * {@code JSEscapeString}. A format is checked against its arguments when the template is parsed.
 */
final class GoFormat {

    private GoFormat() {
    }

    /** One {@code %} directive of a format. */
    /** The widest padding or precision a format may ask for: enough for any layout, too little to flood memory. */
    static final int MAX_WIDTH = 200;

    private record Verb(boolean minus, boolean zero, boolean plus, int width, int precision, char letter) {
    }

    /** Refuses what Go would print as {@code %!d(string=...)}, {@code %!s(MISSING)} or {@code %!(EXTRA ...)}. */
    static void check(List<Expr> args) {
        if (!(args.get(0) instanceof Expr.Constant format) || !(format.value().data() instanceof String text)) {
            throw new IllegalArgumentException("printf needs a string constant as its format");
        }
        List<Verb> verbs = pieces(text).stream().filter(Verb.class::isInstance).map(Verb.class::cast).toList();
        if (verbs.size() != args.size() - 1) {
            throw new IllegalArgumentException("printf format " + quote(text) + " has " + verbs.size()
                    + " verb(s) for " + (args.size() - 1) + " value(s)");
        }
        for (int i = 0; i < verbs.size(); i++) {
            check(verbs.get(i), args.get(i + 1).type());
        }
    }

    private static void check(Verb verb, Type type) {
        String written = "%" + verb.letter();
        if (verb.letter() == 'd') {
            Builtin.require(type, Type.INTEGER, "printf " + written);
        } else if (verb.letter() != 'v') {
            Builtin.require(type, Type.STRING, "printf " + written);
        }
        Type effective = verb.letter() == 'd' ? Type.INTEGER : verb.letter() == 'v' ? type : Type.STRING;
        if ((verb.zero() || verb.plus()) && effective != Type.INTEGER) {
            throw new IllegalArgumentException("printf flags 0 and + apply to integers only, not to "
                    + effective.described);
        }
        if (verb.precision() >= 0 && effective != Type.STRING) {
            throw new IllegalArgumentException("printf precision applies to strings only, not to "
                    + effective.described);
        }
    }

    /** {@code fmt.Sprintf} on checked arguments; the printed form uses the arguments' printed forms. */
    static Value sprintf(List<Value> args) {
        StringBuilder text = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        int next = 1;
        for (Object piece : pieces(args.get(0).text())) {
            if (piece instanceof Verb verb) {
                Value value = args.get(next++);
                text.append(format(verb, value, false));
                shown.append(format(verb, value, true));
            } else {
                text.append(piece);
                shown.append(piece);
            }
        }
        return new Value(text.toString(), shown.toString());
    }

    /**
     * One value for one verb. Precision cuts the value itself, escaped again afterwards if its printed form was, and
     * width counts the characters a reader sees, so entities neither break nor change the padding.
     */
    private static String format(Verb verb, Value value, boolean shown) {
        if (value.data() instanceof Long number) {
            String digits = Long.toString(Math.abs(number)).replace("-", "");
            String sign = number < 0 ? "-" : verb.plus() ? "+" : "";
            if (verb.zero() && !verb.minus() && sign.length() + digits.length() < verb.width()) {
                return sign + "0".repeat(verb.width() - sign.length() - digits.length()) + digits;
            }
            return pad(sign + digits, sign + digits, verb);
        }
        String text = value.text();
        boolean escaped = shown && !value.shown().equals(text);
        String form = shown ? value.shown() : text;
        if (verb.precision() >= 0 && text.codePointCount(0, text.length()) > verb.precision()) {
            text = text.substring(0, text.offsetByCodePoints(0, verb.precision()));
            form = escaped ? GoTemplate.escapeHtml(text) : text;
        }
        return verb.letter() == 'q' ? pad(quote(form), quote(text), verb) : pad(form, text, verb);
    }

    private static String pad(String form, String visible, Verb verb) {
        int missing = verb.width() - visible.codePointCount(0, visible.length());
        if (missing <= 0) {
            return form;
        }
        return verb.minus() ? form + " ".repeat(missing) : " ".repeat(missing) + form;
    }

    /** The format as literal strings and verbs; anything beyond the supported subset is refused, naming it. */
    private static List<Object> pieces(String format) {
        List<Object> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                literal.append(c);
            } else if (i < format.length() && format.charAt(i) == '%') {
                literal.append('%');
                i++;
            } else {
                pieces.add(literal.toString());
                literal.setLength(0);
                int[] end = { i };
                pieces.add(verb(format, end));
                i = end[0];
            }
        }
        pieces.add(literal.toString());
        return pieces;
    }

    private static Verb verb(String format, int[] at) {
        int i = at[0];
        int start = i - 1;
        boolean minus = false;
        boolean zero = false;
        boolean plus = false;
        for (; i < format.length() && "-0+".indexOf(format.charAt(i)) >= 0; i++) {
            minus |= format.charAt(i) == '-';
            zero |= format.charAt(i) == '0';
            plus |= format.charAt(i) == '+';
        }
        int width = 0;
        for (; i < format.length() && Character.isDigit(format.charAt(i)); i++) {
            width = width * 10 + format.charAt(i) - '0';
            if (width > MAX_WIDTH) {
                throw new IllegalArgumentException("printf width or precision over " + MAX_WIDTH + " in " + format);
            }
        }
        int precision = -1;
        if (i < format.length() && format.charAt(i) == '.') {
            precision = 0;
            for (i++; i < format.length() && Character.isDigit(format.charAt(i)); i++) {
                precision = precision * 10 + format.charAt(i) - '0';
                if (precision > MAX_WIDTH) {
                    throw new IllegalArgumentException("printf width or precision over " + MAX_WIDTH + " in " + format);
                }
            }
        }
        if (i >= format.length()) {
            throw new IllegalArgumentException("printf format ends in the middle of " + format.substring(start));
        }
        char letter = format.charAt(i);
        if ("svdq".indexOf(letter) < 0) {
            throw new IllegalArgumentException("unsupported printf verb " + format.substring(start, i + 1)
                    + " (use %s, %v, %d, %q or %%)");
        }
        at[0] = i + 1;
        return new Verb(minus, zero, plus, width, precision, letter);
    }

    /** Go's {@code strconv.Quote}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                    if (isPrint(c)) {
                        out.appendCodePoint(c);
                    } else if (c < ' ' || c == 0x7F) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else {
                        out.append(String.format(Locale.ROOT, c > 0xFFFF ? "\\U%08x" : "\\u%04x", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go's {@code template.JSEscapeString}. */
    static String jsEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format(Locale.ROOT, "\\u00%02X", c));
                    } else if (c < 0x80 || isPrint(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format(Locale.ROOT, "\\u%04X", c));
                    }
                }
            }
        });
        return out.toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int c) {
        if (c < 0x80) {
            return c >= ' ' && c < 0x7F;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
                true;
            default -> false;
        };
    }
}
