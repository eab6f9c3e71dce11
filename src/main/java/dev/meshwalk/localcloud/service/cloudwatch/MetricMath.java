package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;

/**
 * A parsed metric-math expression: numbers, query ids ({@code m1}), {@code + - * /}, parentheses, and
 * the functions {@code SUM AVG MIN MAX} (of a list of series: one series, point by point; of one series:
 * a number), {@code ABS}, {@code METRICS()} / {@code METRICS("filter")} and
 * {@code SEARCH('query', 'Stat', period)}.
 *
 * <p>Series combine point by point on the timestamps both have (as CloudWatch does when timestamps
 * differ); a division by zero leaves that point out.
 */
final class MetricMath {

    /** What an expression can refer to. */
    interface Environment {
        /** The value of another query by id; throws {@link MathException} when there is none. */
        MathValue reference(String id) throws MathException;

        /** The series of every MetricStat query whose id contains the filter (all when empty). */
        List<MathValue.Series> metrics(String idFilter) throws MathException;

        List<MathValue.Series> search(String query, String stat, int period) throws MathException;
    }

    /** An expression that does not parse or cannot be evaluated; the message is for the user. */
    static final class MathException extends Exception {
        MathException(String message) {
            super(message, null, false, false);
        }
    }

    private interface Node {
        MathValue eval(Environment env) throws MathException;
    }

    private final Node root;
    private final List<String> references;

    private MetricMath(Node root, List<String> references) {
        this.root = root;
        this.references = references;
    }

    /** Query ids the expression names, for ordering and cycle checks. */
    List<String> references() {
        return references;
    }

    MathValue evaluate(Environment env) throws MathException {
        return root.eval(env);
    }

    static MetricMath parse(String text) throws MathException {
        Parser p = new Parser(text);
        Node node = p.expression();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new MathException("Unexpected '" + text.charAt(p.pos) + "' at position " + (p.pos + 1));
        }
        return new MetricMath(node, List.copyOf(p.references));
    }

    private static final class Parser {
        final String s;
        int pos;
        final List<String> references = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean accept(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) throws MathException {
            if (!accept(c)) {
                throw new MathException("Expected '" + c + "' at position " + (pos + 1)
                        + (pos < s.length() ? " but found '" + s.charAt(pos) + "'" : " but the expression ended"));
            }
        }

        Node expression() throws MathException {
            Node left = term();
            while (true) {
                if (accept('+')) {
                    left = binary(left, term(), Double::sum, "+");
                } else if (accept('-')) {
                    left = binary(left, term(), (a, b) -> a - b, "-");
                } else {
                    return left;
                }
            }
        }

        Node term() throws MathException {
            Node left = unary();
            while (true) {
                if (accept('*')) {
                    left = binary(left, unary(), (a, b) -> a * b, "*");
                } else if (accept('/')) {
                    left = binary(left, unary(), (a, b) -> b == 0 ? Double.NaN : a / b, "/");
                } else {
                    return left;
                }
            }
        }

        Node unary() throws MathException {
            if (accept('-')) {
                Node inner = unary();
                return env -> combine(new MathValue.Scalar(0), inner.eval(env), (a, b) -> a - b, "-");
            }
            return primary();
        }

        Node primary() throws MathException {
            skipSpace();
            if (pos >= s.length()) {
                throw new MathException("The expression ended where a number, an id or a function was expected");
            }
            char c = s.charAt(pos);
            if (accept('(')) {
                Node inner = expression();
                expect(')');
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                }
                try {
                    double v = Double.parseDouble(s.substring(start, pos));
                    return env -> new MathValue.Scalar(v);
                } catch (NumberFormatException e) {
                    throw new MathException("Not a number: " + s.substring(start, pos));
                }
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String word = s.substring(start, pos);
                if (accept('(')) {
                    return function(word.toUpperCase(Locale.ROOT), start);
                }
                references.add(word);
                return env -> env.reference(word);
            }
            throw new MathException("Unexpected '" + c + "' at position " + (pos + 1));
        }

        private Node function(String name, int at) throws MathException {
            List<Object> args = new ArrayList<>();
            if (!accept(')')) {
                do {
                    skipSpace();
                    if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                        args.add(string());
                    } else {
                        args.add(expression());
                    }
                } while (accept(','));
                expect(')');
            }
            switch (name) {
                case "SUM", "AVG", "MIN", "MAX" -> {
                    Node arg = single(name, args);
                    return env -> reduce(name, arg.eval(env));
                }
                case "ABS" -> {
                    Node arg = single(name, args);
                    return env -> combine(arg.eval(env), new MathValue.Scalar(0), (a, b) -> Math.abs(a), "ABS");
                }
                case "METRICS" -> {
                    if (args.size() > 1 || (args.size() == 1 && !(args.get(0) instanceof String))) {
                        throw new MathException("METRICS takes no argument or one quoted id filter");
                    }
                    String filter = args.isEmpty() ? "" : (String) args.get(0);
                    return env -> new MathValue.SeriesList(env.metrics(filter));
                }
                case "SEARCH" -> {
                    if (args.size() != 3 || !(args.get(0) instanceof String query) || !(args.get(1) instanceof String stat)
                            || !(args.get(2) instanceof Node periodNode)) {
                        throw new MathException("SEARCH takes three arguments: SEARCH('query', 'Statistic', period)");
                    }
                    return env -> {
                        MathValue period = periodNode.eval(env);
                        if (!(period instanceof MathValue.Scalar p) || p.value() <= 0 || p.value() != Math.rint(p.value())) {
                            throw new MathException("SEARCH's period must be a whole number of seconds");
                        }
                        return new MathValue.SeriesList(env.search(query, stat, (int) p.value()));
                    };
                }
                default -> throw new MathException("Unknown function " + name + " at position " + (at + 1)
                        + "; supported: SUM, AVG, MIN, MAX, ABS, METRICS, SEARCH");
            }
        }

        private static Node single(String name, List<Object> args) throws MathException {
            if (args.size() != 1 || !(args.get(0) instanceof Node n)) {
                throw new MathException(name + " takes one argument");
            }
            return n;
        }

        private String string() throws MathException {
            char quote = s.charAt(pos++);
            StringBuilder sb = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '\\' && pos + 1 < s.length()) {
                    pos++;
                }
                sb.append(s.charAt(pos++));
            }
            if (pos >= s.length()) {
                throw new MathException("Unterminated string in the expression");
            }
            pos++;
            return sb.toString();
        }

        private static Node binary(Node left, Node right, DoubleBinaryOperator op, String symbol) {
            return env -> combine(left.eval(env), right.eval(env), op, symbol);
        }
    }

    static MathValue combine(MathValue a, MathValue b, DoubleBinaryOperator op, String symbol) throws MathException {
        if (a instanceof MathValue.Scalar x && b instanceof MathValue.Scalar y) {
            return new MathValue.Scalar(op.applyAsDouble(x.value(), y.value()));
        }
        if (a instanceof MathValue.SeriesList list) {
            if (b instanceof MathValue.SeriesList) {
                throw new MathException("Cannot combine two lists of time series with " + symbol);
            }
            List<MathValue.Series> out = new ArrayList<>();
            for (MathValue.Series s : list.series()) {
                out.add((MathValue.Series) combine(s, b, op, symbol));
            }
            return new MathValue.SeriesList(out);
        }
        if (b instanceof MathValue.SeriesList list) {
            List<MathValue.Series> out = new ArrayList<>();
            for (MathValue.Series s : list.series()) {
                out.add((MathValue.Series) combine(a, s, op, symbol));
            }
            return new MathValue.SeriesList(out);
        }
        TreeMap<Long, Double> points = new TreeMap<>();
        String label;
        if (a instanceof MathValue.Series x && b instanceof MathValue.Series y) {
            label = x.label();
            for (Map.Entry<Long, Double> e : x.points().entrySet()) {
                Double other = y.points().get(e.getKey());
                if (other != null) {
                    put(points, e.getKey(), op.applyAsDouble(e.getValue(), other));
                }
            }
        } else if (a instanceof MathValue.Series x) {
            label = x.label();
            double y = ((MathValue.Scalar) b).value();
            x.points().forEach((t, v) -> put(points, t, op.applyAsDouble(v, y)));
        } else {
            MathValue.Series y = (MathValue.Series) b;
            label = y.label();
            double x = ((MathValue.Scalar) a).value();
            y.points().forEach((t, v) -> put(points, t, op.applyAsDouble(x, v)));
        }
        return new MathValue.Series(label, points);
    }

    private static void put(TreeMap<Long, Double> points, long t, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            points.put(t, v);
        }
    }

    static MathValue reduce(String function, MathValue value) throws MathException {
        if (value instanceof MathValue.Scalar) {
            throw new MathException(function + " needs a time series or a list of them, not a number");
        }
        if (value instanceof MathValue.Series one) {
            List<Double> values = new ArrayList<>(one.points().values());
            if (values.isEmpty()) {
                return new MathValue.Series(one.label(), new TreeMap<>());
            }
            return new MathValue.Scalar(apply(function, values));
        }
        List<MathValue.Series> list = ((MathValue.SeriesList) value).series();
        TreeMap<Long, List<Double>> byTime = new TreeMap<>();
        for (MathValue.Series s : list) {
            s.points().forEach((t, v) -> byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(v));
        }
        TreeMap<Long, Double> points = new TreeMap<>();
        byTime.forEach((t, vs) -> points.put(t, apply(function, vs)));
        return new MathValue.Series(function, points);
    }

    private static double apply(String function, List<Double> values) {
        return switch (function) {
            case "SUM" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "AVG" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            case "MIN" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            default -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        };
    }
}
