package dev.meshwalk.app;

import dev.meshwalk.graph.FocusedGraph;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.ServiceGraphFormatException;
import dev.meshwalk.graph.ServiceGraphReader;
import dev.meshwalk.graph.render.Canvas;
import dev.meshwalk.graph.render.Glyphs;
import dev.meshwalk.graph.render.LabelMode;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.ServiceMapRenderer;
import dev.meshwalk.graph.render.ServiceTable;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graph}: draws an X-Ray service map (or its table) from a saved {@code aws xray get-service-graph}
 * answer, or, without {@code --from-file}, from the current target's X-Ray for the last minutes
 * ({@link LiveGraphSource}).
 */
@Command(name = "graph",
        mixinStandardHelpOptions = true,
        description = {"Draw the X-Ray service map as text.",
            "Example: aws xray get-service-graph --start-time $(date -d '-5 min' +%%s) --end-time $(date +%%s)"
                + " > answer.json && java -jar target/tutorial.jar graph --from-file answer.json"})
public final class GraphCommand implements Callable<Integer> {

    /** The command's place in the tree: the live path reads the inherited target flags through it. */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final boolean terminal;

    /** For the command line: UTF-8 to stdout (box drawing survives a POSIX locale), colour on a terminal. */
    public GraphCommand() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
                System.getenv(), System.console() != null);
    }

    /** For tests and embedding: where to print, which environment to read, whether stdout is a terminal. */
    GraphCommand(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.terminal = terminal;
    }

    @Option(names = "--from-file", paramLabel = "FILE",
            description = "A saved answer of `aws xray get-service-graph` (JSON).")
    Path fromFile;

    @Option(names = "--ascii", description = "Plain ASCII instead of box-drawing characters.")
    boolean ascii;

    @Option(names = "--width", paramLabel = "N",
            description = "Columns to fit (default: $COLUMNS, else 80). Wider maps are printed whole.")
    Integer width;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "5",
            description = "Without --from-file: the time window to ask the target for (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--table", description = "A table of the nodes instead of the map (like `linkerd viz stat`).")
    boolean table;

    @Option(names = "--focus", paramLabel = "NAME",
            description = "Only this node, its callers and its callees (for maps too big to read whole).")
    String focus;

    @Option(names = "--labels", paramLabel = "rpm|share|latency", defaultValue = "rpm",
            description = "Edge labels: requests per minute, share of the caller's calls, or average latency "
                    + "(default: ${DEFAULT-VALUE}).")
    String labels;

    @Override
    public Integer call() {
        LabelMode mode = parseLabels(labels);
        if (mode == null) {
            err.println("Unknown --labels '" + labels + "'. Use rpm, share or latency.");
            return 2;
        }
        int columns = width != null ? width : columnsFromEnvironment();
        if (columns < 40 || columns > 10_000) {
            err.println("--width " + columns + " is out of range; use 40 to 10000 columns.");
            return 2;
        }
        ServiceGraph graph;
        if (fromFile == null) {
            java.util.Optional<ServiceGraph> live = LiveGraphSource.fetch(spec, java.time.Duration.ofMinutes(minutes), err,
                    environment);
            if (live.isEmpty()) {
                return 1;
            }
            graph = live.get();
        } else if (Files.isDirectory(fromFile)) {
            err.println(fromFile + " is a folder. Give the file the answer was saved in, for example "
                    + "--from-file answer.json.");
            return 1;
        } else {
            try (InputStream in = Files.newInputStream(fromFile)) {
                graph = new ServiceGraphReader().read(in);
            } catch (NoSuchFileException e) {
                err.println("No such file: " + fromFile + ". Check the path, or save an answer first with "
                        + "`aws xray get-service-graph ... > answer.json`.");
                return 1;
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("Cannot read " + fromFile + ": " + (e.getCause() instanceof IOException cause
                        ? cause.getMessage() : e.getMessage()) + ". Check that it is a readable file.");
                return 1;
            } catch (ServiceGraphFormatException e) {
                err.println("Cannot draw " + fromFile + ": " + e.getMessage());
                return 1;
            }
        }
        if (fromFile != null && graph.isEmpty()) {
            err.println("Cannot draw " + fromFile + ": the answer has no services (\"Services\": []), so there is "
                    + "nothing to draw. Send some traffic first, then save a new answer for a window that had it.");
            return 1;
        }
        String caption = null;
        if (focus != null) {
            java.util.Optional<FocusedGraph> focused = FocusedGraph.of(graph, focus);
            if (focused.isEmpty()) {
                java.util.List<String> near = FocusedGraph.suggestions(graph, focus, 5);
                err.println("No node is called '" + focus + "'. " + (near.isEmpty()
                        ? "Run without --focus (or with --table) to see the names."
                        : "Did you mean: " + String.join(", ", near) + "?"));
                return 1;
            }
            graph = focused.get().graph();
            caption = focused.get().caption();
        }
        MapOptions options = new MapOptions(columns, ascii ? Glyphs.ASCII : Glyphs.UNICODE, mode,
                "Send some traffic first (java -jar target/tutorial.jar traffic --count 50), then save a new answer.");
        Canvas canvas = table ? new ServiceTable().render(graph, options)
                : new ServiceMapRenderer().render(graph, options).canvas();
        boolean colour = terminal && environment.get("NO_COLOR") == null;
        out.print(colour ? canvas.toAnsiString() : canvas.toPlainString());
        if (caption != null) {
            out.println(caption);
        }
        out.flush();
        return 0;
    }

    static LabelMode parseLabels(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "rpm":
                return LabelMode.RPM;
            case "share":
                return LabelMode.SHARE;
            case "latency":
                return LabelMode.LATENCY;
            default:
                return null;
        }
    }

    private int columnsFromEnvironment() {
        String env = environment.get("COLUMNS");
        if (env != null) {
            try {
                return Integer.parseInt(env.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the classic default
            }
        }
        return 80;
    }
}
