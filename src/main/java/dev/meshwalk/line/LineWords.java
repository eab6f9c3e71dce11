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

    /** The full screen's keys that line mode has a command for, by that command. */
    private static final Map<String, String> KEY_COMMANDS = Map.of("t", "traffic", "m", "map", "d", "deploy",
            "c", "metrics", "x", "teardown", "V", "check", "B", "break-it");
    private static final String KEYS = "([tmdcxVB])";

    // In a lesson's Markdown the keys are in backticks.
    private static final Pattern PRESS_KEY = Pattern.compile("([Pp])ress(\\s+)`" + KEYS + "`");
    private static final Pattern THEN_KEY = Pattern.compile("(then\\s+)`" + KEYS + "`(?=[ .,:;)])");
    private static final Pattern KEY_IN_PARENTHESES = Pattern.compile("\\(`" + KEYS + "`\\)");
    // In a pane's advice they are bare: "(t)", "Press d to plan again.", "or press x".
    private static final Pattern BARE_KEY_IN_PARENTHESES = Pattern.compile("\\(" + KEYS + "\\)");
    private static final Pattern PRESS_BARE_KEY = Pattern.compile("\\b([Pp])ress " + KEYS + "(?=[ .,;:)]|$)");

    private LineWords() {
    }

    /**
     * A lesson's Markdown with the keys it names for the full screen ("press `B`", "(`t`)") turned into the commands
     * of line mode ("type `break-it`", "(`traffic`)", "then `traffic`"). Keys line mode has no command for (`w`, `r`,
     * `l`) stay, and so do the steps of the full screen's parameter form.
     */
    static String lessonCommands(String markdown) {
        String typed = PRESS_KEY.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(
                type(m.group(1)) + m.group(2) + "`" + KEY_COMMANDS.get(m.group(3)) + "`"));
        String then = THEN_KEY.matcher(typed).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "`" + KEY_COMMANDS.get(m.group(2)) + "`"));
        return KEY_IN_PARENTHESES.matcher(then).replaceAll(m -> Matcher.quoteReplacement(
                "(`" + KEY_COMMANDS.get(m.group(1)) + "`)"));
    }

    /** A pane's line with its keys turned into commands: "(t)" into "('traffic')", "Press d" into "Type 'deploy'". */
    static String commands(String line) {
        String named = BARE_KEY_IN_PARENTHESES.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                "('" + KEY_COMMANDS.get(m.group(1)) + "')"));
        return PRESS_BARE_KEY.matcher(named).replaceAll(m -> Matcher.quoteReplacement(
                type(m.group(1)) + " '" + KEY_COMMANDS.get(m.group(2)) + "'"));
    }

    /** "Press" becomes "Type", "press" becomes "type". */
    private static String type(String p) {
        return "P".equals(p) ? "Type" : "type";
    }
}
