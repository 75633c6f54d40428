package io.tidewatch.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed pipeline: a constant, a field, dot or a call of a built-in function. Types are known when the template is
 * parsed, so every type error Go would report while executing is refused on save instead.
 */
sealed interface Expr permits Expr.Constant, Expr.Field, Expr.Dot, Expr.Call {

    /** The static type of the value; {@link Type#MIXED} when {@code and}/{@code or} may return either of two types. */
    Type type();

    /** How many calls deep the expression is; rendering recurses once per level. */
    int depth();

    Value eval(Scope scope);

    /** What a value can be: all variables are strings, {@code len} and number constants give integers. */
    enum Type {
        STRING("a string"),
        INTEGER("an integer"),
        BOOLEAN("a boolean"),
        MIXED("a value of mixed type");

        final String described;

        Type(String described) {
            this.described = described;
        }
    }

    /**
     * A value: {@code data} is a String, Long or Boolean as Go sees it; {@code shown} is what it prints as, which in
     * HTML output has recipient values escaped. Template text (constants, format strings) is never escaped.
     */
    record Value(Object data, String shown) {

        static Value plain(Object data) {
            return new Value(data, String.valueOf(data));
        }

        String text() {
            return String.valueOf(data);
        }

        boolean truth() {
            if (data instanceof String s) {
                return !s.isEmpty();
            }
            return data instanceof Long n ? n != 0 : Boolean.TRUE.equals(data);
        }

        Type type() {
            return data instanceof String ? Type.STRING : data instanceof Long ? Type.INTEGER : Type.BOOLEAN;
        }
    }

    /** What a template renders with: the variables, which of them are markup, the output kind and dot. */
    record Scope(Map<String, String> values, Set<String> rawHtml, boolean html, Value dot) {

        Scope with(Value newDot) {
            return new Scope(values, rawHtml, html, newDot);
        }
    }

    /** A string, integer or boolean constant written in the template; printed as written. */
    record Constant(Value value) implements Expr {

        @Override
        public Type type() {
            return value.type();
        }

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public Value eval(Scope scope) {
            return value;
        }
    }

    /** A variable such as {@code .FirstName}; escaped in HTML unless it is platform markup. */
    record Field(String name) implements Expr {

        @Override
        public Type type() {
            return Type.STRING;
        }

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public Value eval(Scope scope) {
            String value = scope.values().getOrDefault(name, "");
            boolean escape = scope.html() && !scope.rawHtml().contains(name);
            return new Value(value, escape ? GoTemplate.escapeHtml(value) : value);
        }
    }

    /** {@code .} inside {@code with}: the value that was tested. */
    record Dot(Type type) implements Expr {

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public Value eval(Scope scope) {
            return scope.dot();
        }
    }

    /** A function with its arguments; a piped value is already the last of them. */
    record Call(Builtin function, List<Expr> args, Type type, int depth) implements Expr {

        static Call of(Builtin function, List<Expr> args) {
            int depth = 1 + args.stream().mapToInt(Expr::depth).max().orElse(0);
            return new Call(function, List.copyOf(args), function.check(args), depth);
        }

        @Override
        public Value eval(Scope scope) {
            List<Value> values = new ArrayList<>(args.size());
            for (Expr arg : args) {
                values.add(arg.eval(scope));
            }
            return function.apply(values);
        }
    }
}
