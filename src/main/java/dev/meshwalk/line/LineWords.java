package dev.meshwalk.line;

import java.util.Map;

/**
 * The core words its hints for the full screen: "start the traffic loop (t), then look at the map (m)". Line mode
 * has commands, not keys, so a key named in parentheses is printed as the command that does the same there
 * ("(t)" becomes "('traffic')"); a line that names no such key is printed as it is.
 */
final class LineWords {

    private static final Map<String, String> COMMANDS = Map.of("(t)", "('traffic')", "(m)", "('map')",
            "(d)", "('deploy')", "(c)", "('metrics')", "(x)", "('teardown')", "(V)", "('check')", "(B)", "('break-it')");

    private LineWords() {
    }

    static String commands(String line) {
        String out = line;
        for (Map.Entry<String, String> e : COMMANDS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
