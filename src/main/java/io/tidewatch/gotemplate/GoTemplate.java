package io.tidewatch.gotemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed template in Go {@code text/template} syntax, restricted to what phishing content uses: field references
 * ({@code {{.FirstName}}}, spaces allowed inside the braces), {@code if}/{@code else if}/{@code else}/{@code end} on
 * a field or its negation ({@code not .X}), comments, string constants and Go's {@code {{-}}/{@code -}}} whitespace
 * trimming. Anything else (range, printf, Vue-style {@code {{ x }}}) is refused at parse time with a message naming
 * it, so a template that saves is a template that renders.
 */
public final class GoTemplate {

    private static final Pattern FIELD = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)");
    private static final Pattern IF = Pattern.compile("if(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Pattern ELSE_IF = Pattern.compile("else\\s+if(?:\\s+(.*))?", Pattern.DOTALL);

    /** How deeply {@code {{if}}} blocks may nest; rendering recurses once per level. */
    static final int MAX_NESTING = 100;

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
        for (Node node : nodes) {
            node.render(out, values, rawHtml, html);
        }
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
    private sealed interface Node permits Text, Field, Branches {
        void render(StringBuilder out, Map<String, String> values, Set<String> rawHtml, boolean html);
    }

    private record Text(String text) implements Node {
        @Override
        public void render(StringBuilder out, Map<String, String> values, Set<String> rawHtml, boolean html) {
            out.append(text);
        }
    }

    private record Field(String name) implements Node {
        @Override
        public void render(StringBuilder out, Map<String, String> values, Set<String> rawHtml, boolean html) {
            String value = values.getOrDefault(name, "");
            out.append(html && !rawHtml.contains(name) ? escapeHtml(value) : value);
        }
    }

    private record Condition(String field, boolean negated) {
        boolean holds(Map<String, String> values) {
            String value = values.get(field);
            return (value != null && !value.isEmpty()) != negated;
        }
    }

    private record Branch(Condition condition, List<Node> body) {
    }

    private record Branches(List<Branch> branches, List<Node> otherwise) implements Node {
        @Override
        public void render(StringBuilder out, Map<String, String> values, Set<String> rawHtml, boolean html) {
            List<Node> chosen = otherwise;
            for (Branch branch : branches) {
                if (branch.condition().holds(values)) {
                    chosen = branch.body();
                    break;
                }
            }
            for (Node node : chosen) {
                node.render(out, values, rawHtml, html);
            }
        }
    }

    /** An {@code if} being parsed: its branches so far and where the current body goes. */
    private static final class OpenIf {
        final String opening;
        final int line;
        final List<Branch> branches = new ArrayList<>();
        List<Node> otherwise;
        List<Node> current;

        OpenIf(String opening, int line, Condition condition) {
            this.opening = opening;
            this.line = line;
            this.current = new ArrayList<>();
            branches.add(new Branch(condition, current));
        }
    }

    /** A one-pass parser over the source; keeps a stack of open {@code if}s. */
    private static final class Parser {

        private final String src;
        private final Set<String> variables;
        private final List<Node> root = new ArrayList<>();
        private final Deque<OpenIf> open = new ArrayDeque<>();
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
                OpenIf unclosed = open.peek();
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
            if (content.equals("end")) {
                end(line);
            } else if (content.equals("else")) {
                otherwise(line);
            } else if (ELSE_IF.matcher(content).matches()) {
                elseIf(content, line);
            } else if (IF.matcher(content).matches()) {
                Matcher m = IF.matcher(content);
                m.matches();
                Condition condition = condition(m.group(1), "{{" + content + "}}", line);
                if (open.size() >= MAX_NESTING) {
                    throw new TemplateException("{{if}} nested more than " + MAX_NESTING + " levels deep", line);
                }
                open.push(new OpenIf("{{" + content + "}}", line, condition));
            } else if (content.startsWith("\"") || content.startsWith("`")) {
                target().add(new Text(literal(content, written, line)));
            } else {
                target().add(new Field(field(content, written, line)));
            }
        }

        private void end(int line) {
            if (open.isEmpty()) {
                throw new TemplateException("unexpected {{end}}", line);
            }
            OpenIf closed = open.pop();
            target().add(new Branches(List.copyOf(closed.branches.stream()
                    .map(b -> new Branch(b.condition(), List.copyOf(b.body()))).toList()),
                    closed.otherwise == null ? List.of() : List.copyOf(closed.otherwise)));
        }

        private void otherwise(int line) {
            OpenIf current = open.peek();
            if (current == null) {
                throw new TemplateException("unexpected {{else}}", line);
            }
            if (current.otherwise != null) {
                throw new TemplateException("more than one {{else}} in " + current.opening, line);
            }
            current.otherwise = new ArrayList<>();
            current.current = current.otherwise;
        }

        private void elseIf(String content, int line) {
            OpenIf current = open.peek();
            if (current == null) {
                throw new TemplateException("unexpected {{" + content + "}}", line);
            }
            if (current.otherwise != null) {
                throw new TemplateException("{{" + content + "}} after {{else}} in " + current.opening, line);
            }
            Matcher m = ELSE_IF.matcher(content);
            m.matches();
            List<Node> body = new ArrayList<>();
            current.branches.add(new Branch(condition(m.group(1), "{{" + content + "}}", line), body));
            current.current = body;
        }

        private Condition condition(String expression, String written, int line) {
            String e = expression == null ? "" : expression.strip();
            if (e.isEmpty()) {
                throw new TemplateException("missing condition in " + written, line);
            }
            boolean negated = false;
            if (e.startsWith("not ") || e.startsWith("not\t")) {
                negated = true;
                e = e.substring(3).strip();
            }
            return new Condition(field(e, written, line), negated);
        }

        private String field(String content, String written, int line) {
            Matcher m = FIELD.matcher(content);
            if (!m.matches()) {
                throw new TemplateException("unsupported template action " + written, line);
            }
            String name = m.group(1);
            if (!variables.contains(name)) {
                throw new TemplateException("unknown variable {{." + name + "}}", line);
            }
            return name;
        }

        private static String literal(String content, String written, int line) {
            char quote = content.charAt(0);
            if (content.length() < 2 || content.charAt(content.length() - 1) != quote) {
                throw new TemplateException("unsupported template action " + written, line);
            }
            String body = content.substring(1, content.length() - 1);
            if (quote == '`') {
                return body;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '"') {
                    throw new TemplateException("unsupported template action " + written, line);
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++i >= body.length()) {
                    throw new TemplateException("unterminated string in action", line);
                }
                char next = body.charAt(i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\', '"', '\'' -> out.append(next);
                    default -> throw new TemplateException("unsupported escape \\" + next + " in " + written, line);
                }
            }
            return out.toString();
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
