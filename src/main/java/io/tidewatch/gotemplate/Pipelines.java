package io.tidewatch.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tidewatch.gotemplate.Expr.Type;
import io.tidewatch.gotemplate.Expr.Value;

/**
 * Parses what is inside one action into an {@link Expr}: commands joined by {@code |}, where the value on the left
 * becomes the last argument on the right; a command is a function with arguments or a single operand; operands are
 * fields, dot, string, integer and boolean constants and parenthesised pipelines.
 */
final class Pipelines {

    /** Go's other predefined functions: they need slices, maps or function values, which templates here never see. */
    private static final Set<String> UNSUPPORTED = Set.of("index", "slice", "call");

    private final String src;
    private final String written;
    private final int line;
    private final Set<String> variables;
    private final Type dot;
    private int pos;
    private int parens;

    private Pipelines(String src, String written, int line, Set<String> variables, Type dot) {
        this.src = src;
        this.written = written;
        this.line = line;
        this.variables = variables;
        this.dot = dot;
    }

    /**
     * The pipeline in {@code src} (part of the action {@code written} on {@code line}); {@code dot} is the type of
     * dot inside {@code with}, or null where dot is the whole context.
     */
    static Expr parse(String src, String written, int line, Set<String> variables, Type dot) {
        Pipelines parser = new Pipelines(src, written, line, variables, dot);
        Expr expr = parser.pipeline();
        if (parser.pos < src.length()) {
            throw parser.fail("unexpected \"" + src.charAt(parser.pos) + "\"");
        }
        return expr;
    }

    private Expr pipeline() {
        Expr value = command(null);
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            value = command(value);
        }
        return value;
    }

    private Expr command(Expr piped) {
        skipSpace();
        String word = identifier();
        Builtin function = null;
        if (word != null && !word.equals("true") && !word.equals("false")) {
            function = Builtin.named(word).orElseThrow(() -> fail(undefined(word)));
            pos += word.length();
        }
        List<Expr> operands = new ArrayList<>();
        for (skipSpace(); pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')'; skipSpace()) {
            operands.add(operand());
        }
        if (function != null) {
            if (piped != null) {
                operands.add(piped);
            }
            return call(function, operands);
        }
        if (operands.isEmpty()) {
            throw fail("missing value for command");
        }
        if (piped != null) {
            throw fail("only a function can take a piped value");
        }
        if (operands.size() > 1) {
            throw fail("can't give argument to non-function");
        }
        return operands.get(0);
    }

    private Expr call(Builtin function, List<Expr> args) {
        Expr.Call call;
        try {
            call = Expr.Call.of(function, args);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        if (call.depth() > GoTemplate.MAX_NESTING) {
            throw fail("expression nested more than " + GoTemplate.MAX_NESTING + " levels deep");
        }
        return call;
    }

    private Expr operand() {
        char c = src.charAt(pos);
        if (c == '(') {
            return parenthesised();
        }
        if (c == '"' || c == '`') {
            return new Expr.Constant(Value.plain(string()));
        }
        if (c == '.') {
            return field();
        }
        if (c == '$') {
            throw fail("variables ($...) are not supported");
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < src.length()
                && Character.isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        String word = identifier();
        if (word == null) {
            throw fail("unexpected \"" + c + "\"");
        }
        pos += word.length();
        if (word.equals("true") || word.equals("false")) {
            return new Expr.Constant(Value.plain(Boolean.valueOf(word)));
        }
        throw fail(Builtin.named(word).isPresent() ? "a call of " + word + " as an argument needs parentheses"
                : undefined(word));
    }

    private static String undefined(String word) {
        return UNSUPPORTED.contains(word) ? "function \"" + word + "\" is not supported"
                : "function \"" + word + "\" not defined";
    }

    private Expr parenthesised() {
        if (++parens > GoTemplate.MAX_NESTING) {
            throw fail("parentheses nested more than " + GoTemplate.MAX_NESTING + " levels deep");
        }
        pos++;
        Expr inner = pipeline();
        if (pos >= src.length() || src.charAt(pos) != ')') {
            throw fail("unclosed left paren");
        }
        pos++;
        parens--;
        if (pos < src.length() && src.charAt(pos) == '.') {
            throw fail("a field of a parenthesised value is not supported");
        }
        return inner;
    }

    private Expr field() {
        int start = ++pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.')) {
            pos++;
        }
        String name = src.substring(start, pos);
        if (name.isEmpty()) {
            if (dot == null) {
                throw fail("{{.}} would print the whole context; name a variable such as {{.FirstName}}");
            }
            return new Expr.Dot(dot);
        }
        if (!variables.contains(name)) {
            throw new TemplateException("unknown variable {{." + name + "}}", line);
        }
        if (dot != null) {
            throw fail("can't evaluate field " + name + " inside {{with}}, where dot is the tested value");
        }
        return new Expr.Field(name);
    }

    private Expr number() {
        int start = pos++;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == '_')) {
            pos++;
        }
        String text = src.substring(start, pos);
        try {
            return new Expr.Constant(Value.plain(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw fail("unsupported number " + text + " (only decimal integers are)");
        }
    }

    private String string() {
        char quote = src.charAt(pos);
        int close = src.indexOf(quote, pos + 1);
        while (quote == '"' && close > 0 && escaped(close)) {
            close = src.indexOf(quote, close + 1);
        }
        if (close < 0) {
            throw fail("unterminated string");
        }
        String body = src.substring(pos + 1, close);
        pos = close + 1;
        return quote == '`' ? body : unescape(body);
    }

    private boolean escaped(int quote) {
        int backslashes = 0;
        for (int i = quote - 1; i > pos && src.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private String unescape(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                throw fail("newline in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '"', '\'' -> out.append(next);
                default -> throw fail("unsupported escape \\" + next);
            }
        }
        return out.toString();
    }

    /** The identifier starting at the current position, without consuming it; null when there is none. */
    private String identifier() {
        int end = pos;
        while (end < src.length() && (Character.isLetter(src.charAt(end)) || src.charAt(end) == '_'
                || (end > pos && Character.isDigit(src.charAt(end))))) {
            end++;
        }
        return end == pos ? null : src.substring(pos, end);
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private TemplateException fail(String reason) {
        return new TemplateException(reason + " in " + written, line);
    }
}
