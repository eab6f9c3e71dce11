package dev.meshwalk.line;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.ChapterCatalog;
import dev.meshwalk.content.PlainText;
import dev.meshwalk.core.ChapterLines;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.EffectRunner;
import dev.meshwalk.core.InterruptedWork;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Next;
import dev.meshwalk.core.State;
import dev.meshwalk.core.Update;

/**
 * The line-mode tutorial: one typed command in, plain text out. It keeps a core {@link State} and moves it with
 * the same Msgs as the TUI, so progress marks and chapter navigation behave identically in both front-ends.
 */
public final class LineSession {

    /** The commands, for help and for completion. */
    public static final List<String> COMMANDS = List.of("chapters", "read", "next", "prev", "deploy", "yes", "no",
            "wait", "cancel", "traffic", "break-it", "map", "metrics", "teardown", "pick", "all", "none", "check", "help",
            "quit");
    /** What {@code traffic} sends when no count is given. */
    private static final int DEFAULT_REQUESTS = 20;

    private final EffectRunner effects;
    private final PrintWriter out;
    private final int width;
    /** Volatile: a shutdown hook reads it ({@link #interruptionNote}) while the session's thread writes it. */
    private volatile State state;
    private boolean quit;
    private LineActions actions;

    /** Enables the action commands: they wait on the inbox for the effects' answers. */
    public void attachInbox(java.util.concurrent.BlockingQueue<Msg> inbox) {
        this.actions = new LineActions(inbox, this::dispatch, () -> state, out, width);
    }

    public LineSession(State initial, EffectRunner effects, PrintWriter out, int width) {
        this.state = initial;
        this.effects = effects;
        this.out = out;
        this.width = width;
    }

    public State state() {
        return state;
    }

    public boolean quitting() {
        return quit;
    }

    /** What to say when Ctrl-C ends line mode now ({@link InterruptedWork}); read from a shutdown hook. */
    public List<String> interruptionNote() {
        return InterruptedWork.note(state);
    }

    /** Applies a Msg that arrived from an effect (e.g. loaded progress) and prints any notice it carries. */
    public void receive(Msg msg) {
        dispatch(msg);
    }

    /** Runs one command line; returns false once the session should end. */
    public boolean handle(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return !quit;
        }
        if (actions != null && actions.picking() && TeardownPicks.looksLikePicks(trimmed)) {
            actions.pick(trimmed); // the teardown menu asks: "1 3", "all", "none" are picks, not commands
            out.flush();
            return !quit;
        }
        String[] words = trimmed.split("\\s+", 2);
        String command = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (command) {
            case "chapters", "list", "ls" -> chapters();
            case "read", "open" -> read(arg);
            case "next", "n" -> step(+1);
            case "prev", "previous", "p" -> step(-1);
            case "help", "?", "h" -> help();
            case "quit", "exit", "q" -> dispatch(new Msg.QuitRequested());
            case "deploy", "yes", "y", "no", "wait", "cancel", "traffic", "break-it", "map", "metrics", "teardown", "pick", "all", "none",
                 "check" -> action(command, arg);
            default -> {
                if (arg.isEmpty() && command.matches("\\d{1,3}")) {
                    read(command); // as the full screen's digits: a number alone opens that chapter ("1 3" is no pick)
                } else {
                    out.println("Unknown command '" + words[0] + "'. Type help to see the commands.");
                }
            }
        }
        out.flush();
        return !quit;
    }

    public void chapters() {
        int titleWidth = ChapterLines.titleWidth(state.chapters());
        out.println("Chapters:");
        for (Chapter c : state.chapters()) {
            out.println("  " + ChapterLines.summary(c, state.mark(c.id()), state.unicode(), titleWidth));
        }
        if (state.chapters().isEmpty()) {
            out.println("  (no lessons were found in this build)");
        }
        out.println("Type 'read <number>' to read one.");
    }

    private void read(String ref) {
        if (ref.isEmpty()) {
            out.println("Which chapter? Type 'read <number>' or 'read <id>', e.g. 'read 0'. 'chapters' lists them.");
            return;
        }
        Optional<Chapter> chapter = ChapterCatalog.of(state.chapters()).find(ref);
        if (chapter.isEmpty()) {
            out.println("There is no chapter '" + ref + "'. Use " + ChapterCatalog.of(state.chapters()).describeRefs()
                    + "; 'chapters' lists them.");
            return;
        }
        show(chapter.get().number());
    }

    private void step(int delta) {
        int target = state.current() < 0 ? 0 : state.current() + delta;
        if (target < 0) {
            out.println("This is the first chapter.");
        } else if (target >= state.chapters().size()) {
            out.println(state.chapters().isEmpty() ? "There are no chapters." : "This is the last chapter.");
        } else {
            show(target);
        }
    }

    /** Prints a whole chapter; having printed all of it counts as reading it. */
    public void show(int number) {
        dispatch(new Msg.OpenChapter(number));
        Chapter chapter = state.currentChapter();
        if (chapter == null) {
            return;
        }
        String rule = (state.unicode() ? "═" : "=").repeat(Math.min(width, 60));
        out.println(rule);
        out.println("Chapter " + chapter.number() + " of " + (state.chapters().size() - 1) + ": " + chapter.title()
                + (chapter.stack().isEmpty() ? "" : "   (stack: " + chapter.stack() + ")"));
        out.println(rule);
        Chapter forLineMode = new Chapter(chapter.number(), chapter.id(), chapter.title(), chapter.stack(),
                LineWords.lessonCommands(chapter.markdown()), chapter.problem());
        out.print(PlainText.of(ChapterLines.lesson(forLineMode, width, state.unicode())));
        out.println(rule);
        String next = chapter.number() + 1 < state.chapters().size() ? "'next' for chapter " + (chapter.number() + 1) + ", " : "";
        out.println("End of chapter " + chapter.number() + ". Type " + next + "'chapters' for the list, or 'quit'.");
        dispatch(new Msg.ChapterReadToEnd(number));
    }

    /** {@code deploy 3 ColorWeight=90 ColorV2Weight=10}: checks the settings against the chapter's template first. */
    private void deployWithParameters(Chapter chapter, java.util.List<String> settings) {
        java.util.Map<String, String> checked;
        try (java.io.InputStream in = LineSession.class.getResourceAsStream("/" + chapter.stack())) {
            if (in == null) {
                out.println("The jar has no " + chapter.stack() + ": cannot check parameters.");
                return;
            }
            checked = dev.meshwalk.content.StackParameters.of(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).check(settings);
        } catch (java.io.IOException | IllegalArgumentException e) {
            out.println(e.getMessage());
            return;
        }
        dispatch(new dev.meshwalk.core.Msg.DeployParameters(chapter.id(), checked));
        actions.deploy(chapter.number());
    }

    private void action(String command, String arg) {
        if (actions == null) {
            out.println("The actions are not available in this session.");
            return;
        }
        switch (command) {
            case "deploy" -> {
                if (arg.isEmpty()) {
                    actions.deploy(null);
                } else {
                    String[] parts = arg.split("\\s+");
                    Optional<Chapter> chapter = ChapterCatalog.of(state.chapters()).find(parts[0]);
                    if (chapter.isEmpty()) {
                        out.println("There is no chapter '" + parts[0] + "'. Use " + ChapterCatalog.of(state.chapters()).describeRefs() + ".");
                    } else if (parts.length == 1) {
                        actions.deploy(chapter.get().number());
                    } else {
                        deployWithParameters(chapter.get(), java.util.Arrays.asList(parts).subList(1, parts.length));
                    }
                }
            }
            case "yes", "y" -> actions.answer(true);
            case "no" -> actions.answer(false);
            case "wait" -> actions.busyStack(false);
            case "cancel" -> actions.busyStack(true);
            case "pick" -> actions.pick(arg);
            case "all", "none" -> actions.pick(command);
            case "traffic" -> actions.traffic(trafficCount(arg, out));
            case "break-it" -> actions.breakIt(20);
            case "map" -> actions.map();
            case "metrics" -> actions.metrics();
            case "teardown" -> actions.teardown();
            default -> actions.check();
        }
    }

    /**
     * {@code traffic [n]}: n requests, 20 when none is given. Anything but a whole number from 1 up says so and sends
     * the 20 (a zero or negative count used to send one request without a word).
     */
    static int trafficCount(String arg, PrintWriter out) {
        if (arg.isEmpty()) {
            return DEFAULT_REQUESTS;
        }
        try {
            int n = Integer.parseInt(arg);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        out.println("'traffic' takes a number of requests from 1 up, e.g. 'traffic 50'; sending " + DEFAULT_REQUESTS
                + ".");
        return DEFAULT_REQUESTS;
    }

    private void help() {
        out.println("Commands:");
        out.println("  chapters          list the chapters and your progress");
        out.println("  read <n|id>       print a chapter, e.g. 'read 2', 'read 2-meshify' or just '2'");
        out.println("  next, prev        print the next or previous chapter");
        out.println("  deploy [n|id] [NAME=VALUE ...]");
        out.println("                    preview the chapter's stack changes, then 'yes' deploys (progress per resource);");
        out.println("                    NAME=VALUE sets a stack parameter, kept for the chapter's later deploys");
        out.println("  traffic [n]       send n requests (default 20) to front's /color; colors, latency, errors");
        out.println("  break-it          stop one color task (ECS StopTask) under the traffic loop: what failed, when");
        out.println("                    ECS was back to its desired count");
        out.println("  map               the X-Ray service map of the last 5 minutes, and its table");
        out.println("  metrics           the chapter's CloudWatch metrics as sparklines");
        out.println("  teardown          list what the tutorial created, numbered and all picked; '1 3', 'all' or");
        out.println("                    'none' change the picks; 'yes' deletes the picked and checks what is left");
        out.println("  wait, cancel      a deploy found the stack busy: wait for it, or cancel its update (rolls back)");
        out.println("  check             verify the open chapter against the live target");
        out.println("  help              this list");
        out.println("  quit              leave (end of input works too)");
        out.println("The full-screen tutorial opens when you start it on a terminal without --plain.");
    }

    private void dispatch(Msg msg) {
        String before = state.notice();
        Next next = Update.apply(state, msg);
        state = next.state();
        if (state.notice() != null && !Objects.equals(before, state.notice())) {
            out.println("note: " + LineWords.commands(state.notice()));
        }
        for (Effect e : next.effects()) {
            if (e instanceof Effect.Quit) {
                quit = true;
            } else {
                effects.run(e);
            }
        }
    }
}
