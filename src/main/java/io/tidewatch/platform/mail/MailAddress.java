package io.tidewatch.platform.mail;

/**
 * One address as Go's {@code net/mail.ParseAddress} reads it: a bare {@code addr-spec}, or a display name (atoms or a
 * quoted string) and an angle address, so {@code "Doe, J" <j@x.co>} is {@code j@x.co} named {@code Doe, J}. Failures
 * carry Go's messages ({@code mail: missing '@' or angle-addr}, {@code mail: no address} ...), which clients show.
 */
public record MailAddress(String name, String address) {

    /** Parses one address; throws {@link IllegalArgumentException} with Go's message when it is not one. */
    public static MailAddress parse(String text) {
        Parser parser = new Parser(text == null ? "" : text);
        MailAddress parsed = parser.address();
        parser.skipSpace();
        if (!parser.empty()) {
            throw new IllegalArgumentException("mail: expected single address, got \"" + parser.rest() + "\"");
        }
        return parsed;
    }

    /** The address with its display name, quoted as RFC 5322 needs, or the bare address without a name. */
    public String formatted() {
        if (name == null || name.isEmpty()) {
            return address;
        }
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + ">";
    }

    /** A cursor over the text with net/mail's grammar. */
    private static final class Parser {

        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        MailAddress address() {
            skipSpace();
            if (empty()) {
                throw new IllegalArgumentException("mail: no address");
            }
            int start = i;
            try {
                String spec = addrSpec();
                skipSpace();
                String comment = "";
                if (!empty() && peek() == '(') {
                    comment = comment();
                }
                return new MailAddress(comment, spec);
            } catch (IllegalArgumentException notSpec) {
                i = start;
            }
            String displayName = "";
            if (peek() != '<') {
                displayName = phrase();
            }
            skipSpace();
            if (!consume('<')) {
                boolean atext = displayName.chars().allMatch(c -> isAtext((char) c, true));
                throw new IllegalArgumentException(atext ? "mail: missing '@' or angle-addr" : "mail: no angle-addr");
            }
            String spec = addrSpec();
            if (!consume('>')) {
                throw new IllegalArgumentException("mail: unclosed angle-addr");
            }
            return new MailAddress(displayName, spec);
        }

        private String addrSpec() {
            skipSpace();
            if (empty()) {
                throw new IllegalArgumentException("mail: no addr-spec");
            }
            String local;
            if (peek() == '"') {
                local = quoted();
                if (local.isEmpty()) {
                    throw new IllegalArgumentException("mail: empty quoted-string in addr-spec");
                }
            } else {
                local = atom(true, false);
            }
            if (!consume('@')) {
                throw new IllegalArgumentException("mail: missing @ in addr-spec");
            }
            skipSpace();
            if (empty()) {
                throw new IllegalArgumentException("mail: no domain in addr-spec");
            }
            String domain = peek() == '[' ? domainLiteral() : atom(true, false);
            return local + "@" + domain;
        }

        private String phrase() {
            StringBuilder words = new StringBuilder();
            while (true) {
                skipSpace();
                if (empty()) {
                    break;
                }
                String word;
                if (peek() == '"') {
                    word = quoted();
                } else if (isAtext(peek(), true)) {
                    word = atom(true, true);
                } else {
                    break;
                }
                if (words.length() > 0) {
                    words.append(' ');
                }
                words.append(word);
            }
            if (words.length() == 0) {
                throw new IllegalArgumentException("mail: missing word in phrase: mail: invalid string");
            }
            return words.toString();
        }

        private String atom(boolean dot, boolean permissive) {
            int start = i;
            while (!empty() && isAtext(peek(), dot)) {
                i++;
            }
            String atom = s.substring(start, i);
            if (atom.isEmpty()) {
                throw new IllegalArgumentException("mail: invalid string");
            }
            if (!permissive) {
                if (atom.startsWith(".")) {
                    throw new IllegalArgumentException("mail: leading dot in atom");
                }
                if (atom.contains("..")) {
                    throw new IllegalArgumentException("mail: double dot in atom");
                }
                if (atom.endsWith(".")) {
                    throw new IllegalArgumentException("mail: trailing dot in atom");
                }
            }
            return atom;
        }

        private String quoted() {
            StringBuilder out = new StringBuilder();
            i++;
            boolean escaped = false;
            while (true) {
                if (empty()) {
                    throw new IllegalArgumentException("mail: unclosed quoted-string");
                }
                char c = s.charAt(i++);
                if (escaped) {
                    out.append(c);
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    return out.toString();
                } else if (c == '\r' || c == '\n') {
                    throw new IllegalArgumentException("mail: bad character in quoted-string: '" + c + "'");
                } else {
                    out.append(c);
                }
            }
        }

        private String domainLiteral() {
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw new IllegalArgumentException("mail: unclosed domain-literal");
            }
            String literal = s.substring(i, close + 1);
            i = close + 1;
            return literal;
        }

        private String comment() {
            int depth = 0;
            StringBuilder out = new StringBuilder();
            while (!empty()) {
                char c = s.charAt(i++);
                if (c == '(') {
                    if (depth++ > 0) {
                        out.append(c);
                    }
                } else if (c == ')') {
                    if (--depth == 0) {
                        return out.toString().trim();
                    }
                    out.append(c);
                } else {
                    out.append(c);
                }
            }
            throw new IllegalArgumentException("mail: misformatted parenthetical comment");
        }

        void skipSpace() {
            while (!empty() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')) {
                i++;
            }
        }

        private boolean consume(char c) {
            if (!empty() && peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        boolean empty() {
            return i >= s.length();
        }

        String rest() {
            return s.substring(i);
        }

        private char peek() {
            return s.charAt(i);
        }

        private static boolean isAtext(char c, boolean dot) {
            if (c == '.') {
                return dot;
            }
            if (c >= 0x80) {
                return !Character.isWhitespace(c) && !Character.isISOControl(c);
            }
            return Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
        }
    }
}
