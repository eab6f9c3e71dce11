package dev.meshwalk.line;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core words its hints for the full screen: "start the traffic loop (t), then look at the map (m)". Line mode
 * has commands, not keys, so a key named in parentheses is printed as the command that does the same there
 * ("(t)" becomes "('traffic')", "Press d to plan again" becomes "Type 'deploy' to plan again"); a line that names
 * no such key is printed as it is.
 */
final class LineWords {

    private static final Map<String, String> COMMANDS = Map.of("(t)", "('traffic')", "(m)", "('map')",
            "(d)", "('deploy')", "(c)", "('metrics')", "(x)", "('teardown')", "(V)", "('check')", "(B)", "('break-it')");

    private LineWords() {
    }

    /** Keys the lessons name, by the line-mode command that does the same. */
    private static final Map<String, String> KEY_COMMANDS = Map.of("t", "traffic", "m", "map", "d", "deploy",
            "c", "metrics", "x", "teardown", "V", "check", "B", "break-it");
    private static final Pattern PRESS_KEY = Pattern.compile("([Pp])ress(\\s+)`([tmdcxVB])`");
    private static final Pattern THEN_KEY = Pattern.compile("(then\\s+)`([tmdcxVB])`(?=[ .,:;)])");
    private static final Pattern KEY_IN_PARENTHESES = Pattern.compile("\\(`([tmdcxVB])`\\)");

    /**
     * A lesson's Markdown with the keys it names for the full screen ("press `B`", "(`t`)") turned into the commands
     * of line mode ("type `break-it`", "(`traffic`)", "then `traffic`"). Keys line mode has no command for (`w`, `r`,
     * `l`) stay, and so do the steps of the full screen's parameter form.
     */
    static String lessonCommands(String markdown) {
        String typed = PRESS_KEY.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                ("P".equals(m.group(1)) ? "Type" : "type") + m.group(2) + "`" + KEY_COMMANDS.get(m.group(3)) + "`"));
        String then = THEN_KEY.matcher(typed).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "`" + KEY_COMMANDS.get(m.group(2)) + "`"));
        return KEY_IN_PARENTHESES.matcher(then).replaceAll(m -> Matcher.quoteReplacement(
                "(`" + KEY_COMMANDS.get(m.group(1)) + "`)"));
    }

    /** A key pressed in a pane's advice ("Press d to plan again.", "or press x"), not in a lesson's backticks. */
    private static final Pattern PRESS_BARE_KEY = Pattern.compile("\\b([Pp])ress ([tmdcxVB])(?=[ .,;:)]|$)");

    static String commands(String line) {
        String out = line;
        for (Map.Entry<String, String> e : COMMANDS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return PRESS_BARE_KEY.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                ("P".equals(m.group(1)) ? "Type" : "type") + " '" + KEY_COMMANDS.get(m.group(2)) + "'"));
    }
}
