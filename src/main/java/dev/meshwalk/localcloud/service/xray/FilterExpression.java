package dev.meshwalk.localcloud.service.xray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed X-Ray filter expression, e.g. {@code service("front") AND (fault OR responsetime > 0.5)}.
 *
 * <p>Grammar (a subset of X-Ray's, enough for the tutorial and ad-hoc use):
 * <pre>
 *   expr    := and (("OR" | "||") and)*
 *   and     := not (("AND" | "&amp;&amp;") not)*
 *   not     := ("!" | "NOT") not | primary
 *   primary := "(" expr ")"
 *            | "service" "(" STRING ")" ("{" expr "}")?
 *            | BOOLKEY (("=" | "!=") ("true" | "false"))?           fault error throttle ok partial
 *            | NUMKEY  ("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") NUMBER   responsetime duration http.status
 *            | STRKEY  ("=" | "!=" | CONTAINS | BEGINSWITH | ENDSWITH) STRING   http.url http.method http.useragent http.clientip user
 *            | "annotation." KEY (op value)?
 * </pre>
 * Keywords and operators are case-insensitive. A syntax error names the position and what was expected.
 */
final class FilterExpression {

    private static final Set<String> BOOLEAN_KEYWORDS = Set.of("fault", "error", "throttle", "ok", "partial");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("responsetime", "duration", "http.status");
    private static final Set<String> STRING_KEYWORDS =
            Set.of("http.url", "http.method", "http.useragent", "http.clientip", "user");

    private final Predicate<FilterSubject> predicate;

    private FilterExpression(Predicate<FilterSubject> predicate) {
        this.predicate = predicate;
    }

    /** Parses an expression; a blank one matches everything. */
    static FilterExpression parse(String text) throws FilterSyntaxException {
        if (text == null || text.isBlank()) {
            return new FilterExpression(s -> true);
        }
        Parser parser = new Parser(tokenize(text));
        Predicate<FilterSubject> p = parser.expression();
        parser.expectEnd();
        return new FilterExpression(p);
    }

    boolean matches(FilterSubject subject) {
        return predicate.test(subject);
    }

    /** A filter expression that does not parse; the message says where and what was expected. */
    static final class FilterSyntaxException extends Exception {
        FilterSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String s) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(s);
        }

        String describe() {
            return kind == Kind.END ? "the end of the expression" : "'" + text + "' at position " + (position + 1);
        }
    }

    private static List<Token> tokenize(String s) throws FilterSyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw new FilterSyntaxException("Unterminated string starting at position " + (start + 1));
                }
                i++;
                tokens.add(new Token(Kind.STRING, sb.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))
                    || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&") || two.equals("||")) {
                    tokens.add(new Token(Kind.SYMBOL, two, i));
                    i += 2;
                } else if ("(){}!=<>".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                    i++;
                } else {
                    throw new FilterSyntaxException("Unexpected character '" + c + "' at position " + (i + 1));
                }
            }
        }
        tokens.add(new Token(Kind.END, "", s.length()));
        return tokens;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Predicate<FilterSubject> expression() throws FilterSyntaxException {
            Predicate<FilterSubject> left = and();
            while (peek().is("OR") || peek().is("||")) {
                next++;
                left = left.or(and());
            }
            return left;
        }

        private Predicate<FilterSubject> and() throws FilterSyntaxException {
            Predicate<FilterSubject> left = not();
            while (peek().is("AND") || peek().is("&&")) {
                next++;
                left = left.and(not());
            }
            return left;
        }

        private Predicate<FilterSubject> not() throws FilterSyntaxException {
            if (peek().is("!") || peek().is("NOT")) {
                next++;
                return not().negate();
            }
            return primary();
        }

        private Predicate<FilterSubject> primary() throws FilterSyntaxException {
            Token t = take();
            if (t.is("(")) {
                Predicate<FilterSubject> inner = expression();
                expect(")");
                return inner;
            }
            if (t.kind() != Kind.WORD) {
                throw new FilterSyntaxException("Expected a keyword, service(\"name\") or '(' but found " + t.describe());
            }
            String keyword = t.text().toLowerCase(Locale.ROOT);
            if (keyword.equals("service")) {
                return service();
            }
            if (BOOLEAN_KEYWORDS.contains(keyword)) {
                return booleanKeyword(keyword);
            }
            if (NUMBER_KEYWORDS.contains(keyword)) {
                return numberKeyword(keyword);
            }
            if (STRING_KEYWORDS.contains(keyword)) {
                return stringKeyword(keyword);
            }
            if (keyword.startsWith("annotation.") && keyword.length() > "annotation.".length()) {
                return annotation(t.text().substring("annotation.".length()));
            }
            throw new FilterSyntaxException("Unknown keyword " + t.describe() + "; supported keywords: service(\"name\"), "
                    + "fault, error, throttle, ok, partial, responsetime, duration, http.status, http.url, "
                    + "http.method, http.useragent, http.clientip, user, annotation.<key>");
        }

        private Predicate<FilterSubject> service() throws FilterSyntaxException {
            expect("(");
            Token name = take();
            if (name.kind() != Kind.STRING) {
                throw new FilterSyntaxException("service(...) takes a quoted service name, found " + name.describe());
            }
            expect(")");
            Predicate<FilterSubject> inner = s -> true;
            if (peek().is("{")) {
                next++;
                inner = expression();
                expect("}");
            }
            Predicate<FilterSubject> segmentTest = inner;
            return subject -> subject.service(name.text()).stream().anyMatch(segmentTest);
        }

        private Predicate<FilterSubject> booleanKeyword(String keyword) throws FilterSyntaxException {
            Predicate<FilterSubject> base = switch (keyword) {
                case "fault" -> s -> s.outcome() == TraceEntity.Outcome.FAULT;
                case "error" -> s -> s.outcome() == TraceEntity.Outcome.ERROR
                        || s.outcome() == TraceEntity.Outcome.THROTTLE;
                case "throttle" -> s -> s.outcome() == TraceEntity.Outcome.THROTTLE;
                case "ok" -> s -> s.outcome() == TraceEntity.Outcome.OK;
                default -> FilterSubject::partial;
            };
            if (peek().is("=") || peek().is("!=")) {
                boolean negate = take().is("!=");
                Token value = take();
                if (!value.is("true") && !value.is("false")) {
                    throw new FilterSyntaxException(keyword + " compares only with true or false, found " + value.describe());
                }
                boolean wanted = value.is("true") != negate;
                return wanted ? base : base.negate();
            }
            return base;
        }

        private Predicate<FilterSubject> numberKeyword(String keyword) throws FilterSyntaxException {
            Token op = take();
            if (!(op.is("=") || op.is("!=") || op.is("<") || op.is("<=") || op.is(">") || op.is(">="))) {
                throw new FilterSyntaxException(keyword + " needs a comparison (=, !=, <, <=, >, >=) but found "
                        + op.describe());
            }
            Token value = take();
            if (value.kind() != Kind.NUMBER) {
                throw new FilterSyntaxException(keyword + " compares with a number, found " + value.describe());
            }
            double limit = number(value);
            return s -> {
                Double actual = switch (keyword) {
                    case "responsetime" -> s.responseTime();
                    case "duration" -> s.duration();
                    default -> s.http().status() == null ? null : s.http().status().doubleValue();
                };
                return actual != null && compare(actual, op.text(), limit);
            };
        }

        private Predicate<FilterSubject> stringKeyword(String keyword) throws FilterSyntaxException {
            Token op = take();
            Token value = take();
            if (value.kind() != Kind.STRING) {
                throw new FilterSyntaxException(keyword + " compares with a quoted string, found " + value.describe());
            }
            Predicate<String> test = stringTest(keyword, op, value.text());
            return s -> {
                String actual = switch (keyword) {
                    case "http.url" -> s.http().url();
                    case "http.method" -> s.http().method();
                    case "http.useragent" -> s.http().userAgent();
                    case "http.clientip" -> s.http().clientIp();
                    default -> s.user();
                };
                return actual != null && test.test(actual);
            };
        }

        private Predicate<FilterSubject> annotation(String key) throws FilterSyntaxException {
            if (!(peek().kind() == Kind.SYMBOL && "=!=<<=>>=".contains(peek().text()) && !peek().is("!"))
                    && !peek().is("CONTAINS") && !peek().is("BEGINSWITH") && !peek().is("ENDSWITH")) {
                return s -> {
                    Object v = s.annotation(key);
                    return v != null && !Boolean.FALSE.equals(v);
                };
            }
            Token op = take();
            Token value = take();
            switch (value.kind()) {
                case NUMBER -> {
                    double limit = number(value);
                    return s -> s.annotation(key) instanceof Number n && compare(n.doubleValue(), op.text(), limit);
                }
                case STRING -> {
                    Predicate<String> test = stringTest("annotation." + key, op, value.text());
                    return s -> s.annotation(key) instanceof String v && test.test(v);
                }
                default -> {
                    if (value.is("true") || value.is("false")) {
                        boolean wanted = Boolean.parseBoolean(value.text().toLowerCase(Locale.ROOT));
                        boolean equal = op.is("=");
                        if (!equal && !op.is("!=")) {
                            throw new FilterSyntaxException("booleans compare only with = or !=, found " + op.describe());
                        }
                        return s -> s.annotation(key) instanceof Boolean b && (b == wanted) == equal;
                    }
                    throw new FilterSyntaxException("annotation." + key + " compares with a number, a quoted string,"
                            + " true or false; found " + value.describe());
                }
            }
        }

        private static Predicate<String> stringTest(String keyword, Token op, String wanted)
                throws FilterSyntaxException {
            if (op.is("=")) {
                return wanted::equals;
            }
            if (op.is("!=")) {
                return a -> !a.equals(wanted);
            }
            if (op.is("CONTAINS")) {
                return a -> a.contains(wanted);
            }
            if (op.is("BEGINSWITH")) {
                return a -> a.startsWith(wanted);
            }
            if (op.is("ENDSWITH")) {
                return a -> a.endsWith(wanted);
            }
            throw new FilterSyntaxException(keyword + " needs =, !=, CONTAINS, BEGINSWITH or ENDSWITH but found "
                    + op.describe());
        }

        private static boolean compare(double actual, String op, double limit) {
            return switch (op) {
                case "=" -> actual == limit;
                case "!=" -> actual != limit;
                case "<" -> actual < limit;
                case "<=" -> actual <= limit;
                case ">" -> actual > limit;
                default -> actual >= limit;
            };
        }

        private static double number(Token t) throws FilterSyntaxException {
            try {
                return Double.parseDouble(t.text());
            } catch (NumberFormatException e) {
                throw new FilterSyntaxException("Not a number: " + t.describe());
            }
        }

        void expectEnd() throws FilterSyntaxException {
            if (peek().kind() != Kind.END) {
                throw new FilterSyntaxException("Expected AND, OR or the end of the expression but found "
                        + peek().describe());
            }
        }

        private void expect(String symbol) throws FilterSyntaxException {
            Token t = take();
            if (!t.is(symbol)) {
                throw new FilterSyntaxException("Expected '" + symbol + "' but found " + t.describe());
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }
    }
}
