package dev.meshwalk.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.InterruptedWork;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Next;
import dev.meshwalk.core.Size;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Target;
import dev.meshwalk.core.Update;
import dev.meshwalk.cloud.AwsEnvironment;
import dev.meshwalk.effects.ActionEffects;
import dev.meshwalk.effects.TutorialEffects;
import dev.meshwalk.line.LineMode;
import dev.meshwalk.progress.ProgressStore;
import dev.meshwalk.tui.TuiApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level command: without a subcommand it opens the tutorial (full screen on a terminal, line mode
 * otherwise). Subcommands are the scripted paths of the same features.
 */
@Command(name = "tutorial",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "An interactive terminal tutorial: service discovery and service meshes on Amazon ECS.",
            "On a terminal it opens full screen; otherwise (or with --plain) it reads commands line by line."},
        footer = {"", "Logs go to $XDG_STATE_HOME/meshwalk/meshwalk.log (default ~/.local/state/meshwalk/).",
            "Progress is saved in $XDG_CONFIG_HOME/meshwalk/progress.json (default ~/.config/meshwalk/)."},
        subcommands = {
            // Each feature registers its scripted subcommand here, one line each.
            ChaptersCommand.class,
            DeployCommand.class,
            TrafficCommand.class,
            BreakItCommand.class,
            MetricsCommand.class,
            TeardownCommand.class,
            StatusCommand.class,
            GraphCommand.class,
            LocalCloudCommand.class,
        })
public final class TutorialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plain", description = "Line mode even on a terminal: type chapters, read <n>, next, help, quit.")
    boolean plain;

    @Option(names = "--ascii", description = "Draw with ASCII only (no box drawing or symbols).")
    boolean ascii;

    @Option(names = "--chapter", paramLabel = "N|ID", description = "Open this chapter directly: 0-5 or an id such as 2-meshify.")
    String chapter;

    @Option(names = "--verbose", description = "In line mode, send logs to stderr instead of the log file.")
    boolean verbose;

    /** {@code --aws}, {@code --profile}, {@code --region}, {@code --endpoint-url}; inherited by subcommands. */
    @Mixin(name = TargetOptions.MIXIN)
    TargetOptions target = new TargetOptions();

    /** The environment; a field so tests can point the XDG folders at a temporary directory. */
    Map<String, String> env = System.getenv();

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TutorialCommand());
        cli.setParameterExceptionHandler(new FriendlyUsageErrors());
        cli.setExecutionExceptionHandler(TutorialCommand::internalError);
        cli.setExecutionStrategy(parsed -> new CommandLine.RunLast().execute(refuseMisplaced(parsed)));
        return cli;
    }

    /** The options that only change how the tutorial itself opens; a command before or after them ignores them. */
    private static final List<String> OPENING_OPTIONS = List.of("--chapter", "--plain", "--ascii", "--verbose");

    /**
     * An opening option given before a command ({@code --chapter=3 chapters}, {@code --ascii graph}) would be dropped
     * without a word, since picocli gives it to the tutorial, not the command; this says where it belongs instead.
     */
    private static CommandLine.ParseResult refuseMisplaced(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult command = parsed.subcommand();
        if (command == null) {
            return parsed;
        }
        String name = command.commandSpec().name();
        for (String option : OPENING_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                        command.commandSpec().findOption(option) != null
                                ? option + " goes after the command: `" + name + " " + option + "`."
                                : "`" + name + "` has no " + option + "; it applies when the tutorial opens, without a"
                                        + " command. Drop it, or run the tutorial without `" + name + "`.");
            }
        }
        return parsed;
    }

    @Override
    public Integer call() throws Exception {
        UserDirs dirs = UserDirs.from(env);
        boolean fullScreen = !plain && System.console() != null && !"dumb".equals(env.get("TERM"));
        String logTarget = Logging.configure(dirs.logFile(), verbose && !fullScreen);

        Target resolved;
        try {
            resolved = target.resolve(env);
        } catch (TargetOptions.InvalidTargetException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ChapterCatalog catalog = ChapterCatalog.packaged();
        int open = -1;
        if (chapter != null) {
            Optional<Chapter> found = catalog.find(chapter);
            if (found.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "There is no chapter '" + chapter + "'. Use " + catalog.describeRefs() + ".");
            }
            open = found.get().number();
        }
        TerminalCaps caps = TerminalCaps.detect(env, ascii);
        BlockingQueue<Msg> inbox = new LinkedBlockingQueue<>();
        ProgressStore progress = new ProgressStore(dirs.progressFile(), Clock.systemUTC());
        BackgroundLocalCloud localCloud = new BackgroundLocalCloud(dirs.state());
        TutorialTargetConnector connector = new TutorialTargetConnector(target, AwsEnvironment.current(), localCloud);
        ActionEffects actions = new ActionEffects(connector, TutorialActionSupport.fromEnvironment(env), inbox::offer);
        try (TutorialEffects effects = new TutorialEffects(progress, inbox::offer, actions)) {
            State state = State.initial(catalog.chapters(), new Size(80, 24), caps.unicode(), resolved, logTarget);
            if (!catalog.problems().isEmpty()) {
                state = Update.apply(state, new Msg.Notice(catalog.problems().get(0)
                        + (catalog.problems().size() > 1 ? " (and " + (catalog.problems().size() - 1) + " more)" : ""))).state();
            }
            runFrontEnd(fullScreen, state, open, caps, inbox, effects, dirs);
        }
        new LocalCloudOnQuit(localCloud, Console.system()).handle(connector.attached());
        return 0;
    }

    private void runFrontEnd(boolean fullScreen, State first, int open, TerminalCaps caps, BlockingQueue<Msg> inbox,
                             TutorialEffects effects, UserDirs dirs) throws java.io.IOException, InterruptedException {
        State state = first;
        List<Effect> start = new ArrayList<>();
        start.add(new Effect.LoadProgress());
        if (fullScreen) {
            // After the first frame (TuiLoop runs start effects then): the status bar says it is starting.
            // Line mode connects on the first action instead, so reading never starts a local cloud.
            start.add(new Effect.ConnectTarget());
            if (open >= 0) {
                Next opened = Update.apply(state, new Msg.OpenChapter(open));
                state = opened.state();
                start.addAll(opened.effects());
            }
            try {
                State last = TuiApp.run(state, start, effects, inbox, caps.color());
                InterruptedWork.note(last).forEach(System.err::println);
                return;
            } catch (java.io.IOException e) {
                System.err.println("Could not open the full-screen terminal (" + e.getMessage() + "); using line mode.");
                start = List.of(new Effect.LoadProgress());
            }
        }
        if (System.console() != null) {
            LineMode.runInteractive(state, start, effects, inbox, dirs.historyFile(), open);
        } else {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            LineMode.runScripted(state, start, effects, inbox, System.in, out, columns(env), open);
        }
    }

    /**
     * A bug, not a usage error: one line for the user, the stack trace into the log file (never onto the screen),
     * exit code 1.
     */
    static int internalError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        org.slf4j.LoggerFactory.getLogger(TutorialCommand.class).error("unexpected failure in '{}'", cmd.getCommandName(), ex);
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile", "the log file");
        cmd.getErr().println("tutorial: something went wrong inside the tutorial (" + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()) + ").");
        cmd.getErr().println("The details are in " + logFile + "; please include them if you report it.");
        cmd.getErr().flush();
        return 1;
    }

    /** Line width for piped output: $COLUMNS when it is a sane number, else 80. */
    static int columns(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            return c >= 20 && c <= 1000 ? c : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Usage errors as one clear message and where to look next, not a wall of usage text; exit code 2. */
    static final class FriendlyUsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("tutorial: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try 'java -jar target/tutorial.jar " + (cmd.getParent() == null ? "" : cmd.getCommandName() + " ")
                    + "--help' for the options.");
            err.flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
    }
}
