package dev.meshwalk.graph.render;

import dev.meshwalk.graph.HistogramBin;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceNode;
import dev.meshwalk.graph.Stats;
import dev.meshwalk.graph.TimeWindow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The service map's numbers as a table, one row per service, busiest first, in the spirit of
 * {@code linkerd viz stat}: when a map is too big to read, or a learner wants exact figures.
 * Percentiles come from X-Ray's response-time histograms; "-" where a node has none.
 */
public final class ServiceTable {

    private static final String[] HEADERS = {"TYPE", "RPM", "SUCCESS", "AVG", "P50", "P95", "4XX", "5XX", "429"};
    private static final int[] WIDTHS = {7, 8, 7, 7, 7, 7, 5, 5, 5};
    private static final int MIN_NAME = 12;

    /** Draws the table in {@code options.width()} columns (wider only if even the shortest names do not fit). */
    public Canvas render(ServiceGraph graph, MapOptions options) {
        List<ServiceNode> rows = new ArrayList<>();
        for (ServiceNode n : graph.nodes()) {
            if (!n.isClient()) {
                rows.add(n);
            }
        }
        double minutes = graph.timeWindow().map(TimeWindow::minutes).orElse(Double.NaN);
        NodeNames names = NodeNames.of(graph.nodes());
        rows.sort(Comparator.comparingLong((ServiceNode n) -> -n.stats().total())
                .thenComparing(n -> names.name(n.referenceId())));

        int fixed = 0;
        for (int w : WIDTHS) {
            fixed += w + 1;
        }
        int nameWidth = Math.max(MIN_NAME, Math.min(names.longest(), options.width() - fixed));
        nameWidth = Math.max(nameWidth, "NAME".length());
        int width = Math.max(options.width(), nameWidth + fixed);
        Map<Integer, String> fitted = names.fitted(nameWidth, options.glyphs().ellipsis);

        List<String> notes = new ArrayList<>();
        if (rows.isEmpty()) {
            notes.add(MapCaptions.nothingInWindow("services", graph, options));
        }
        notes.addAll(MapCaptions.shortenedNames(names));
        List<String> wrappedNotes = new ArrayList<>();
        for (String note : notes) {
            wrappedNotes.addAll(MapCaptions.wrap(note, width));
        }
        Canvas c = new Canvas(width, 2 + rows.size() + (wrappedNotes.isEmpty() ? 0 : 1 + wrappedNotes.size()));
        c.text(0, 0, MapCaptions.truncate(MapCaptions.title(graph, options).replace("Service map", "Services"), width),
                Style.STRONG);
        int x = c.text(0, 1, pad("NAME", nameWidth, false), Style.FAINT) + 1;
        for (int i = 0; i < HEADERS.length; i++) {
            x = c.text(x, 1, pad(HEADERS[i], WIDTHS[i], i > 0), Style.FAINT) + 1;
        }
        int y = 2;
        for (ServiceNode n : rows) {
            Stats s = n.stats();
            String[] cells = {
                TypeTags.of(n.type()),
                Formats.rate(s.total(), minutes).replace("/min", ""),
                Formats.percent(s.successRatio()),
                Formats.millis(s.averageMillis()),
                percentile(n.responseTimes(), 0.50),
                percentile(n.responseTimes(), 0.95),
                Long.toString(s.clientErrors()),
                Long.toString(s.faults()),
                Long.toString(s.throttles()),
            };
            Style[] styles = {
                Style.TAG, Style.PLAIN, HealthBar.successStyle(s), Style.PLAIN, Style.PLAIN, Style.PLAIN,
                s.clientErrors() > 0 ? Style.CLIENT_ERROR : Style.FAINT,
                s.faults() > 0 ? Style.FAULT : Style.FAINT,
                s.throttles() > 0 ? Style.THROTTLE : Style.FAINT,
            };
            x = c.text(0, y, pad(fitted.get(n.referenceId()), nameWidth, false), Style.STRONG) + 1;
            for (int i = 0; i < cells.length; i++) {
                x = c.text(x, y, pad(cells[i], WIDTHS[i], i > 0), styles[i]) + 1;
            }
            y++;
        }
        y++;
        for (String note : wrappedNotes) {
            c.text(0, y++, note, Style.FAINT);
        }
        return c;
    }

    /** The smallest histogram value with at least q of the requests at or below it. */
    static String percentile(List<HistogramBin> bins, double q) {
        long total = 0;
        for (HistogramBin b : bins) {
            total += b.count();
        }
        if (total == 0) {
            return "-";
        }
        List<HistogramBin> sorted = new ArrayList<>(bins);
        sorted.sort(Comparator.comparingDouble(HistogramBin::seconds));
        long needed = (long) Math.ceil(q * total);
        long seen = 0;
        for (HistogramBin b : sorted) {
            seen += b.count();
            if (seen >= needed) {
                return Formats.millis(Math.max(0, b.seconds()) * 1000);
            }
        }
        return Formats.millis(sorted.get(sorted.size() - 1).seconds() * 1000);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s.substring(0, width);
        }
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
