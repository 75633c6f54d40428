package io.tidewatch.gotemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidewatch.gotemplate.Expr.Scope;
import io.tidewatch.gotemplate.Expr.Type;
import io.tidewatch.gotemplate.Expr.Value;

/**
 * A parsed template in Go {@code text/template} syntax over string variables: fields ({@code {{.FirstName}}}),
 * pipelines with {@code |} and parentheses, Go's predefined functions that apply to strings ({@link Builtin}),
 * {@code if} and {@code with} with {@code else if}/{@code else with}/{@code else}, comments, constants and Go's
 * {@code {{-}}/{@code -}}} trimming. Variables, {@code range} and {@code template} and every type error Go would
 * report while executing are refused at parse time with a message naming them, so a template that saves renders.
 */
public final class GoTemplate {

    private static final Pattern KEYWORD = Pattern.compile("(end|else|if|with|range|template|define|block|break|continue)"
            + "(?![A-Za-z0-9_])");

    /** How deeply blocks, parentheses and pipelines may nest; rendering recurses once per level. */
    static final int MAX_NESTING = 100;

    /** The longest text a render may produce (characters); past it the render fails instead of exhausting memory. */
    static final int MAX_RENDERED = 16 * 1024 * 1024;

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Parses {@code source}, allowing only the named variables; null parses as the empty template. */
    public static GoTemplate parse(String source, Set<String> variables) {
        return new Parser(source == null ? "" : source, variables).parse();
    }

    /** Checks {@code source} and throws {@link TemplateException} naming the first problem. */
    public static void validate(String source, Set<String> variables) {
        parse(source, variables);
    }

    /**
     * Renders with {@code values}; with {@code html} true every value is HTML-escaped except those named in
     * {@code rawHtml} (markup the platform builds itself, such as the tracking pixel).
     */
    public String render(Map<String, String> values, Set<String> rawHtml, boolean html) {
        StringBuilder out = new StringBuilder();
        renderAll(out, nodes, new Scope(values, rawHtml, html, null));
        return out.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A piece of a parsed template. */
    private sealed interface Node permits Text, Output, Block {
        void render(StringBuilder out, Scope scope);
    }

    private record Text(String text) implements Node {
        @Override
        public void render(StringBuilder out, Scope scope) {
            out.append(text);
        }
    }

    private record Output(Expr pipeline) implements Node {
        @Override
        public void render(StringBuilder out, Scope scope) {
            out.append(pipeline.eval(scope).shown());
        }
    }

    /** One {@code if} or {@code with} arm; a {@code with} arm ({@code binds}) sets dot to the tested value. */
    private record Branch(Expr condition, boolean binds, List<Node> body) {
    }

    private record Block(List<Branch> branches, List<Node> otherwise) implements Node {
        @Override
        public void render(StringBuilder out, Scope scope) {
            for (Branch branch : branches) {
                Value value = branch.condition().eval(scope);
                if (value.truth()) {
                    renderAll(out, branch.body(), branch.binds() ? scope.with(value) : scope);
                    return;
                }
            }
            renderAll(out, otherwise, scope);
        }
    }

    private static void renderAll(StringBuilder out, List<Node> nodes, Scope scope) {
        for (Node node : nodes) {
            node.render(out, scope);
            if (out.length() > MAX_RENDERED) {
                throw new TemplateException("the rendered text is longer than " + MAX_RENDERED / (1024 * 1024)
                        + " MB", 1);
            }
        }
    }

    /** An {@code if} or {@code with} being parsed: its arms so far, where the current body goes and dot's type there. */
    private static final class OpenBlock {
        final String keyword;
        final String opening;
        final int line;
        final Type outerDot;
        final List<Branch> branches = new ArrayList<>();
        List<Node> otherwise;
        List<Node> current;
        Type dot;

        OpenBlock(String keyword, String opening, int line, Type outerDot) {
            this.keyword = keyword;
            this.opening = opening;
            this.line = line;
            this.outerDot = outerDot;
        }

        void arm(Expr condition, boolean binds) {
            current = new ArrayList<>();
            branches.add(new Branch(condition, binds, current));
            dot = binds ? condition.type() : outerDot;
        }
    }

    /** A one-pass parser over the source; keeps a stack of open {@code if} and {@code with} blocks. */
    private static final class Parser {

        private final String src;
        private final Set<String> variables;
        private final List<Node> root = new ArrayList<>();
        private final Deque<OpenBlock> open = new ArrayDeque<>();
        private int pos;
        private boolean trimNextText;
        private int counted;
        private int lines = 1;

        Parser(String src, Set<String> variables) {
            this.src = src;
            this.variables = variables;
        }

        GoTemplate parse() {
            while (pos < src.length()) {
                int start = src.indexOf("{{", pos);
                if (start < 0) {
                    text(src.substring(pos), false);
                    pos = src.length();
                    break;
                }
                boolean trimLeft = src.startsWith("{{-", start) && start + 3 < src.length()
                        && Character.isWhitespace(src.charAt(start + 3));
                text(src.substring(pos, start), trimLeft);
                int line = lineOf(start);
                int contentStart = start + (trimLeft ? 3 : 2);
                int end = closing(contentStart, line);
                boolean trimRight = end - 2 >= contentStart && src.charAt(end - 1) == '-'
                        && Character.isWhitespace(src.charAt(end - 2));
                String content = src.substring(contentStart, trimRight ? end - 1 : end);
                action(content.strip(), src.substring(start, end + 2), line);
                pos = end + 2;
                trimNextText = trimRight;
            }
            if (!open.isEmpty()) {
                OpenBlock unclosed = open.peek();
                throw new TemplateException("missing {{end}} for " + unclosed.opening, unclosed.line);
            }
            return new GoTemplate(List.copyOf(root));
        }

        private void text(String text, boolean trimRight) {
            String t = text;
            if (trimNextText) {
                t = t.stripLeading();
            }
            if (trimRight) {
                t = t.stripTrailing();
            }
            trimNextText = false;
            if (!t.isEmpty()) {
                target().add(new Text(t));
            }
        }

        /** The index of the {@code }}} closing the action that starts at {@code from}, skipping quoted strings. */
        private int closing(int from, int line) {
            int i = from;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (c == '"' || c == '`') {
                    int close = closingQuote(i, c);
                    if (close < 0) {
                        throw new TemplateException("unterminated string in action", line);
                    }
                    i = close + 1;
                    continue;
                }
                if (src.startsWith("/*", i)) {
                    int close = src.indexOf("*/", i + 2);
                    if (close < 0) {
                        throw new TemplateException("unclosed comment", line);
                    }
                    i = close + 2;
                    continue;
                }
                if (src.startsWith("}}", i)) {
                    return i;
                }
                i++;
            }
            throw new TemplateException("unclosed action: {{ without }}", line);
        }

        private int closingQuote(int open, char quote) {
            for (int i = open + 1; i < src.length(); i++) {
                char c = src.charAt(i);
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i;
                } else if (quote == '"' && c == '\n') {
                    return -1;
                }
            }
            return -1;
        }

        private void action(String content, String written, int line) {
            if (content.startsWith("/*") && content.endsWith("*/")) {
                return;
            }
            if (content.isEmpty()) {
                throw new TemplateException("missing value for command in " + written, line);
            }
            Matcher m = KEYWORD.matcher(content);
            String keyword = m.lookingAt() ? m.group(1) : "";
            String rest = content.substring(keyword.length()).strip();
            switch (keyword) {
                case "end" -> end(rest, line);
                case "else" -> otherwise(rest, line);
                case "if", "with" -> open(keyword, rest, "{{" + content + "}}", line);
                case "range", "template", "define", "block", "break", "continue" -> throw new TemplateException(
                        "{{" + keyword + "}} is not supported (only if, with, else and end are) in " + written, line);
                default -> output(Pipelines.parse(content, written, line, variables, dot()));
            }
        }

        private void output(Expr pipeline) {
            if (pipeline instanceof Expr.Constant constant) {
                target().add(new Text(constant.value().shown()));
            } else {
                target().add(new Output(pipeline));
            }
        }

        private void open(String keyword, String pipeline, String written, int line) {
            if (pipeline.isEmpty()) {
                throw new TemplateException("missing condition in " + written, line);
            }
            if (open.size() >= MAX_NESTING) {
                throw new TemplateException("{{" + keyword + "}} nested more than " + MAX_NESTING + " levels deep", line);
            }
            OpenBlock block = new OpenBlock(keyword, written, line, dot());
            block.arm(Pipelines.parse(pipeline, written, line, variables, block.outerDot), keyword.equals("with"));
            open.push(block);
        }

        private void end(String rest, int line) {
            if (open.isEmpty()) {
                throw new TemplateException("unexpected {{end}}", line);
            }
            if (!rest.isEmpty()) {
                throw new TemplateException("unexpected \"" + rest + "\" in {{end}}", line);
            }
            OpenBlock closed = open.pop();
            target().add(new Block(closed.branches.stream()
                    .map(b -> new Branch(b.condition(), b.binds(), List.copyOf(b.body()))).toList(),
                    closed.otherwise == null ? List.of() : List.copyOf(closed.otherwise)));
        }

        /** {@code {{else}}}, {@code {{else if ...}}} or {@code {{else with ...}}}. */
        private void otherwise(String rest, int line) {
            String written = rest.isEmpty() ? "{{else}}" : "{{else " + rest + "}}";
            OpenBlock current = open.peek();
            if (current == null) {
                throw new TemplateException("unexpected " + written, line);
            }
            if (current.otherwise != null) {
                throw new TemplateException((rest.isEmpty() ? "more than one {{else}}" : written + " after {{else}}")
                        + " in " + current.opening, line);
            }
            if (rest.isEmpty()) {
                current.otherwise = new ArrayList<>();
                current.current = current.otherwise;
                current.dot = current.outerDot;
                return;
            }
            Matcher m = KEYWORD.matcher(rest);
            String keyword = m.lookingAt() ? m.group(1) : "";
            String pipeline = rest.substring(keyword.length()).strip();
            if (!keyword.equals("if") && !keyword.equals("with")) {
                throw new TemplateException("unexpected \"" + rest + "\" in {{else}}", line);
            }
            if (pipeline.isEmpty()) {
                throw new TemplateException("missing condition in " + written, line);
            }
            current.arm(Pipelines.parse(pipeline, written, line, variables, current.outerDot), keyword.equals("with"));
        }

        /** The type of dot where the parser is: null at the top level, where dot is the whole context. */
        private Type dot() {
            return open.isEmpty() ? null : open.peek().dot;
        }

        private List<Node> target() {
            return open.isEmpty() ? root : open.peek().current;
        }

        private int lineOf(int index) {
            for (int i = counted; i < index; i++) {
                if (src.charAt(i) == '\n') {
                    lines++;
                }
            }
            counted = Math.max(counted, index);
            return lines;
        }
    }
}
