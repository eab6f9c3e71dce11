package dev.meshwalk.graph.render;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.TimeWindow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words around a map or table, shared by {@link ServiceMapRenderer} and {@link ServiceTable} so both say
 * the same thing the same way: the title line with the time window, the note for an empty window, the note
 * for shortened names, and the plain word wrap and cut they are laid out with.
 */
final class MapCaptions {

    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private MapCaptions() {
    }

    /**
     * "Service map · 5 min 2026-10-01 12:00-12:05 UTC", or "time window unknown" for a file without one. A window
     * of whole minutes reads to the minute; any other (a saved answer of 48 seconds) to the second, or its ends
     * would read "14:56-14:56".
     */
    static String title(ServiceGraph graph, MapOptions options) {
        String window = graph.timeWindow().map(w -> {
            boolean wholeMinutes = w.length().getSeconds() % 60 == 0;
            return length(w).replace(" minutes", " min").replace("minute", "1 min") + " "
                    + (wholeMinutes ? DAY_TIME : DAY_TIME_SECONDS).format(w.start()) + "-"
                    + (wholeMinutes ? TIME : TIME_SECONDS).format(w.end()) + " UTC";
        }).orElse("time window unknown");
        return "Service map " + options.glyphs().dot + " " + window;
    }

    /** "No traffic in the last 5 minutes. " followed by the front-end's hint; {@code what} names the missing thing. */
    static String nothingInWindow(String what, ServiceGraph graph, MapOptions options) {
        return "No " + what + " " + graph.timeWindow().map(w -> "in the last " + length(w)).orElse("in this answer")
                + ". " + options.emptyHint();
    }

    /** The note under a map whose mesh node names lost a common prefix, or empty when none did. */
    static List<String> shortenedNames(NodeNames names) {
        return names.droppedPrefix().isEmpty() ? List.of()
                : List.of("Names shortened: \"" + names.droppedPrefix() + "\" dropped from mesh nodes.");
    }

    /** "minute", "5 minutes", "90 seconds". */
    static String length(TimeWindow w) {
        long seconds = w.length().getSeconds();
        if (seconds % 60 == 0) {
            long m = seconds / 60;
            return m == 1 ? "minute" : m + " minutes";
        }
        return seconds + " seconds";
    }

    /** Greedy word wrap at spaces; a word longer than the width gets a line of its own. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }
}
