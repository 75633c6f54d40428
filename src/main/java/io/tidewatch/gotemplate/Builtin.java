package io.tidewatch.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.tidewatch.gotemplate.Expr.Type;
import io.tidewatch.gotemplate.Expr.Value;

/**
 * Go's predefined template functions that make sense on strings, with Go's results. Argument counts and types are
 * checked when the template is parsed ({@link #check}), so {@link #apply} never fails.
 */
enum Builtin {
    AND,
    OR,
    NOT,
    LEN,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PRINT,
    PRINTF,
    PRINTLN,
    HTML,
    JS,
    URLQUERY;

    /** The function called {@code name} in a template, if it is one of these. */
    static Optional<Builtin> named(String name) {
        return Arrays.stream(values()).filter(b -> b.goName().equals(name)).findFirst();
    }

    String goName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result type for these arguments; an IllegalArgumentException says why Go would fail on them. */
    Type check(List<Expr> args) {
        return switch (this) {
            case AND, OR -> {
                count(args, 1, Integer.MAX_VALUE);
                yield args.stream().map(Expr::type).distinct().count() == 1 ? args.get(0).type() : Type.MIXED;
            }
            case NOT -> {
                count(args, 1, 1);
                yield Type.BOOLEAN;
            }
            case LEN -> {
                count(args, 1, 1);
                require(args.get(0).type(), Type.STRING, "len");
                yield Type.INTEGER;
            }
            case EQ, NE, LT, LE, GT, GE -> comparison(args);
            case PRINTF -> {
                count(args, 1, Integer.MAX_VALUE);
                GoFormat.check(args);
                yield Type.STRING;
            }
            default -> Type.STRING;
        };
    }

    /** The function's value; {@code shown} is derived from the arguments' printed forms. */
    Value apply(List<Value> args) {
        return switch (this) {
            case AND -> args.stream().filter(v -> !v.truth()).findFirst().orElse(args.get(args.size() - 1));
            case OR -> args.stream().filter(Value::truth).findFirst().orElse(args.get(args.size() - 1));
            case NOT -> Value.plain(!args.get(0).truth());
            case LEN -> Value.plain((long) args.get(0).text().getBytes(StandardCharsets.UTF_8).length);
            case EQ -> Value.plain(args.stream().skip(1).anyMatch(v -> compare(args.get(0), v) == 0));
            case NE -> Value.plain(compare(args.get(0), args.get(1)) != 0);
            case LT -> Value.plain(compare(args.get(0), args.get(1)) < 0);
            case LE -> Value.plain(compare(args.get(0), args.get(1)) <= 0);
            case GT -> Value.plain(compare(args.get(0), args.get(1)) > 0);
            case GE -> Value.plain(compare(args.get(0), args.get(1)) >= 0);
            case PRINT -> new Value(sprint(args, Value::text), sprint(args, Value::shown));
            case PRINTLN -> new Value(sprintln(args, Value::text), sprintln(args, Value::shown));
            case PRINTF -> GoFormat.sprintf(args);
            case HTML -> escaped(GoTemplate.escapeHtml(joined(args)));
            case JS -> escaped(GoFormat.jsEscape(joined(args)));
            case URLQUERY -> escaped(PhishingContext.GoUrl.escape(joined(args)));
        };
    }

    /** The output of an escaping function is final: it is not escaped again in HTML. */
    private static Value escaped(String text) {
        return new Value(text, text);
    }

    private Type comparison(List<Expr> args) {
        if (this == EQ) {
            count(args, 2, Integer.MAX_VALUE);
        } else {
            count(args, 2, 2);
        }
        Type first = args.get(0).type();
        for (Expr arg : args) {
            if (arg.type() == Type.MIXED || arg.type() != first) {
                throw new IllegalArgumentException(goName() + " compares " + first.described + " with "
                        + arg.type().described);
            }
        }
        if (first == Type.BOOLEAN && this != EQ && this != NE) {
            throw new IllegalArgumentException(goName() + " cannot order booleans");
        }
        return Type.BOOLEAN;
    }

    private void count(List<Expr> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? String.valueOf(min) : "at least " + min;
            throw new IllegalArgumentException("wrong number of args for " + goName() + ": want " + want + " got "
                    + args.size());
        }
    }

    static void require(Type actual, Type wanted, String what) {
        if (actual != wanted) {
            throw new IllegalArgumentException(what + " needs " + wanted.described + ", got " + actual.described);
        }
    }

    /** Go's order: integers numerically, strings byte by byte in UTF-8 (code point order), booleans equal or not. */
    private static int compare(Value a, Value b) {
        if (a.data() instanceof Long x && b.data() instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a.data() instanceof String x && b.data() instanceof String y) {
            return Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
        }
        return a.data().equals(b.data()) ? 0 : 1;
    }

    /** Go's {@code evalArgs}: one string as it is, anything else as {@code fmt.Sprint} prints it. */
    private static String joined(List<Value> args) {
        return args.size() == 1 && args.get(0).data() instanceof String s ? s : sprint(args, Value::text);
    }

    /** {@code fmt.Sprint}: a space between two operands only when neither is a string. */
    private static String sprint(List<Value> args, Function<Value, String> form) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i - 1).data() instanceof String) && !(args.get(i).data() instanceof String)) {
                out.append(' ');
            }
            out.append(form.apply(args.get(i)));
        }
        return out.toString();
    }

    private static String sprintln(List<Value> args, Function<Value, String> form) {
        return String.join(" ", args.stream().map(form).toList()) + "\n";
    }
}
