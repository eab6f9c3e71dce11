package dev.meshwalk.graph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The benchmark of issue 14: our {@code graph --from-file} against {@code graph-easy --as=boxart} on the
 * same generated graphs ({@link XRayAnswerGenerator}), each tool run as a whole process, side by side in
 * one run. Per size it records the wall time of the whole process (ours: median of three runs of
 * {@code java -jar}, JVM start included; Graph::Easy: one run, it is slow), the drawing's width in columns,
 * its crossings (the {@code ┼} glyphs) and how many of the nodes' names appear in it. Prints a Markdown
 * table for docs/benchmarks.md and leaves every input and drawing in the output directory.
 *
 * <pre>
 * mvn -q -o -B -DskipTests package &amp;&amp; mvn -q -o -B test-compile
 * java -cp target/test-classes:target/tutorial.jar dev.meshwalk.graph.bench.MapVersusGraphEasy target/map-bench 12 30 60 200
 * </pre>
 * (The jar is {@code target/tutorial.jar}; override with {@code -Dbench.jar=...}. Graph::Easy:
 * {@code apt-get install -y libgraph-easy-perl}.)
 */
public final class MapVersusGraphEasy {

    /** The generator's seed for every size, so the table can be reproduced byte for byte. */
    static final long SEED = 14;
    private static final int OUR_RUNS = 3;

    private MapVersusGraphEasy() {
    }

    /** What one tool's drawing of one graph measured. */
    record Measure(double seconds, int width, long crossings, int namesShown, int exitCode) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/map-bench");
        Files.createDirectories(dir);
        int[] sizes = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {12, 30, 60, 200};
        String jar = System.getProperty("bench.jar", "target/tutorial.jar");
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            XRayAnswerGenerator gen = XRayAnswerGenerator.generate(n, SEED);
            Path answer = dir.resolve("answer-" + n + ".json");
            Path easyInput = dir.resolve("graph-easy-" + n + ".txt");
            Files.writeString(answer, gen.answerJson(), StandardCharsets.UTF_8);
            Files.writeString(easyInput, gen.graphEasy(), StandardCharsets.UTF_8);

            Path oursOut = dir.resolve("meshwalk-" + n + ".txt");
            double[] times = new double[OUR_RUNS];
            int exit = 0;
            for (int run = 0; run < OUR_RUNS; run++) {
                long t0 = System.nanoTime();
                exit = run(oursOut, "java", "-jar", jar, "graph", "--from-file", answer.toString(), "--width", "80");
                times[run] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(times);
            Measure ours = measure(oursOut, times[OUR_RUNS / 2], exit, gen.names());

            Path easyOut = dir.resolve("grapheasy-" + n + ".txt");
            long t0 = System.nanoTime();
            int easyExit = run(easyOut, "graph-easy", "--as=boxart", "--timeout=600", "--input=" + easyInput);
            Measure easy = measure(easyOut, (System.nanoTime() - t0) / 1e9, easyExit, gen.names());

            String row = String.format(Locale.ROOT, "| %d (%d edges) | %.2f s | %.1f s | %d | %d | %d | %d | %d/%d | %d/%d |",
                    n, gen.edgeCount(), ours.seconds(), easy.seconds(), ours.width(), easy.width(),
                    ours.crossings(), easy.crossings(), ours.namesShown(), n, easy.namesShown(), n);
            if (ours.exitCode() != 0 || easy.exitCode() != 0) {
                row += " exit codes " + ours.exitCode() + "/" + easy.exitCode();
            }
            System.out.println(row);
            rows.add(row);
        }
        System.out.println();
        System.out.println("| nodes | time, ours | time, Graph::Easy | width, ours | width, Graph::Easy "
                + "| `┼`, ours | `┼`, Graph::Easy | nodes shown, ours | nodes shown, Graph::Easy |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Runs a process with its standard output to a file; its standard error is shown. */
    private static int run(Path stdout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            return -1;
        }
        return p.exitValue();
    }

    static Measure measure(Path drawing, double seconds, int exitCode, List<String> names) throws IOException {
        String text = Files.readString(drawing, StandardCharsets.UTF_8);
        int width = 0;
        for (String line : text.split("\n", -1)) {
            width = Math.max(width, line.stripTrailing().codePointCount(0, line.stripTrailing().length()));
        }
        long crossings = text.chars().filter(c -> c == '┼').count();
        int shown = 0;
        for (String name : names) {
            if (Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w.-])").matcher(text).find()) {
                shown++;
            }
        }
        return new Measure(seconds, width, crossings, shown, exitCode);
    }
}
