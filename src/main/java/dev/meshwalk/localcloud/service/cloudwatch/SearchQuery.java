package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query language of the {@code SEARCH('...', 'Stat', Period)} metric-math function, as dashboards
 * use it: {@code {Namespace,Dim1,Dim2} MetricName="X" Dim1="a" (free OR "quoted phrase") NOT other}.
 *
 * <ul>
 *   <li>A schema in braces: the metric must be in that namespace and have exactly those dimension
 *       names (quote names with special characters: {@code {"my ns","a b"}}).</li>
 *   <li>{@code Key="value"}: exact, case-sensitive match on {@code MetricName}, {@code Namespace} or a
 *       dimension's value.</li>
 *   <li>A free term or quoted phrase: case-insensitive partial match on the namespace, metric name,
 *       dimension names or values.</li>
 *   <li>Terms side by side are ANDed; {@code AND}, {@code OR}, {@code NOT} and parentheses combine them.</li>
 * </ul>
 */
final class SearchQuery {

    private final Predicate<MetricKey> predicate;
    private final List<String> schemaDimensions;

    private SearchQuery(Predicate<MetricKey> predicate, List<String> schemaDimensions) {
        this.predicate = predicate;
        this.schemaDimensions = schemaDimensions;
    }

    boolean matches(MetricKey metric) {
        return predicate.test(metric);
    }

    /** The schema's dimension names in the order written (labels list their values in this order). */
    List<String> schemaDimensions() {
        return schemaDimensions;
    }

    /** A SEARCH query that does not parse. */
    static final class SearchSyntaxException extends Exception {
        SearchSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    static SearchQuery parse(String text) throws SearchSyntaxException {
        Parser p = new Parser(tokenize(text == null ? "" : text));
        Predicate<MetricKey> predicate = m -> true;
        List<String> schema = List.of();
        if (p.peek().is("{")) {
            List<String> names = p.schema();
            String namespace = names.get(0);
            Set<String> dims = new HashSet<>(names.subList(1, names.size()));
            schema = List.copyOf(names.subList(1, names.size()));
            predicate = m -> m.namespace().equals(namespace) && m.dimensions().keySet().equals(dims);
        }
        if (p.peek().kind() != Kind.END) {
            predicate = predicate.and(p.expression());
        }
        if (p.peek().kind() != Kind.END) {
            throw new SearchSyntaxException("Unexpected " + p.peek().describe() + " in the SEARCH query");
        }
        return new SearchQuery(predicate, schema);
    }

    private enum Kind { WORD, QUOTED, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String s) {
            return kind == Kind.SYMBOL && text.equals(s) || kind == Kind.WORD && text.equals(s);
        }

        String describe() {
            return kind == Kind.END ? "end of query" : "'" + text + "' at position " + (position + 1);
        }
    }

    private static List<Token> tokenize(String s) throws SearchSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("{}(),=".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i++));
            } else if (c == '"') {
                int start = i++;
                StringBuilder sb = new StringBuilder();
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw new SearchSyntaxException("Unterminated quote at position " + (start + 1) + " in the SEARCH query");
                }
                i++;
                out.add(new Token(Kind.QUOTED, sb.toString(), start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "{}(),=\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Kind.END) {
                next++;
            }
            return t;
        }

        List<String> schema() throws SearchSyntaxException {
            take();
            List<String> names = new ArrayList<>();
            while (true) {
                Token t = take();
                if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED) {
                    throw new SearchSyntaxException("Expected a namespace or dimension name in the schema but found "
                            + t.describe());
                }
                names.add(t.text());
                Token sep = take();
                if (sep.is("}")) {
                    return names;
                }
                if (!sep.is(",")) {
                    throw new SearchSyntaxException("Expected ',' or '}' in the schema but found " + sep.describe());
                }
            }
        }

        Predicate<MetricKey> expression() throws SearchSyntaxException {
            Predicate<MetricKey> left = and();
            while (peek().is("OR")) {
                take();
                left = left.or(and());
            }
            return left;
        }

        private Predicate<MetricKey> and() throws SearchSyntaxException {
            Predicate<MetricKey> left = not();
            while (true) {
                Token t = peek();
                if (t.is("AND")) {
                    take();
                    left = left.and(not());
                } else if (t.kind() == Kind.END || t.is(")") || t.is("OR")) {
                    return left;
                } else {
                    left = left.and(not());
                }
            }
        }

        private Predicate<MetricKey> not() throws SearchSyntaxException {
            if (peek().is("NOT")) {
                take();
                return not().negate();
            }
            return primary();
        }

        private Predicate<MetricKey> primary() throws SearchSyntaxException {
            Token t = take();
            if (t.is("(")) {
                Predicate<MetricKey> inner = expression();
                Token close = take();
                if (!close.is(")")) {
                    throw new SearchSyntaxException("Expected ')' but found " + close.describe());
                }
                return inner;
            }
            if (t.kind() != Kind.WORD && t.kind() != Kind.QUOTED) {
                throw new SearchSyntaxException("Expected a search term but found " + t.describe());
            }
            if (peek().is("=")) {
                take();
                Token value = take();
                if (value.kind() != Kind.WORD && value.kind() != Kind.QUOTED) {
                    throw new SearchSyntaxException("Expected a value after " + t.text() + "= but found "
                            + value.describe());
                }
                return exact(t.text(), value.text());
            }
            String term = t.text().toLowerCase(Locale.ROOT);
            return m -> contains(m.namespace(), term) || contains(m.name(), term)
                    || m.dimensions().entrySet().stream()
                    .anyMatch(d -> contains(d.getKey(), term) || contains(d.getValue(), term));
        }

        private static Predicate<MetricKey> exact(String key, String value) {
            return switch (key) {
                case "MetricName" -> m -> m.name().equals(value);
                case "Namespace" -> m -> m.namespace().equals(value);
                default -> m -> value.equals(m.dimensions().get(key));
            };
        }

        private static boolean contains(String haystack, String lowerNeedle) {
            return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
        }
    }
}
