package dev.meshwalk.app;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.core.ChapterLines;
import dev.meshwalk.core.Mark;
import dev.meshwalk.progress.ProgressStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tutorial chapters}: the chapter list with saved progress, for scripts and a quick look. */
@Command(name = "chapters", mixinStandardHelpOptions = true,
        description = "Print the chapters with your saved progress and exit.")
public final class ChaptersCommand implements Callable<Integer> {

    @Option(names = "--ascii", description = "ASCII symbols only.")
    boolean ascii;

    /** The environment; a field so tests can point the XDG folders at a temporary directory. */
    Map<String, String> env = System.getenv();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() {
        UserDirs dirs = UserDirs.from(env);
        Logging.configure(dirs.logFile(), false);
        ChapterCatalog catalog = ChapterCatalog.packaged();
        ProgressStore.Loaded loaded = new ProgressStore(dirs.progressFile(), Clock.systemUTC()).load();
        if (loaded.problem() != null) {
            err().println("note: " + loaded.problem());
        }
        boolean unicode = TerminalCaps.detect(env, ascii).unicode();
        int titleWidth = ChapterLines.titleWidth(catalog.chapters());
        for (Chapter c : catalog.chapters()) {
            Mark mark = Mark.parse(loaded.marks().get(c.id())).orElse(Mark.NOT_STARTED);
            String summary = ChapterLines.summary(c, mark, unicode, titleWidth);
            int width = ChapterLines.summaryWidth(titleWidth, unicode);
            out().println(summary + " ".repeat(Math.max(1, width - summary.length() + 2)) + c.id());
        }
        for (String problem : catalog.problems()) {
            err().println("note: " + problem);
        }
        if (catalog.chapters().isEmpty()) {
            err().println("No lessons were found in this build (lessons/index.txt is missing from the jar).");
            return 1;
        }
        return 0;
    }
}
