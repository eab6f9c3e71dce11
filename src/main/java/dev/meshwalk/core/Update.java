package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.StyledLine;

/**
 * The tutorial's logic: {@code (State, Msg) -> (State, Effects)}. Pure: no I/O, no clock, no threads, so
 * every transition is a plain unit test and both front-ends behave the same.
 */
public final class Update {

    private Update() {
    }

    /** What one message does to the state. */
    interface Step<M extends Msg> {
        Next apply(State state, M msg);
    }

    /** Every message's handler; a test walks {@link Msg}'s sealed hierarchy and proves each has one. */
    private static final Handlers<Msg, Step<Msg>> MESSAGES = messages();

    public static Next apply(State state, Msg msg) {
        return MESSAGES.of(msg).apply(state, msg);
    }

    /** The kinds of message {@link #apply} handles. */
    static java.util.Set<Class<?>> handledMessages() {
        return MESSAGES.kinds();
    }

    static <M extends Msg> void on(Handlers.Builder<Msg, Step<Msg>> table, Class<M> kind, Step<M> step) {
        table.on(kind, (state, msg) -> step.apply(state, kind.cast(msg)));
    }

    private static Handlers<Msg, Step<Msg>> messages() {
        Handlers.Builder<Msg, Step<Msg>> table = Handlers.builder("message");
        BoardUpdate.register(table);
        DeployFlow.register(table);
        TeardownReport.register(table);
        ActionReports.register(table);
        on(table, Msg.KeyPressed.class, (state, k) -> key(state, k.key()));
        on(table, Msg.Resized.class, (state, r) -> settle(relayout(state.withSize(r.size()))));
        on(table, Msg.OpenChapter.class, (state, o) -> open(state, o.number()));
        on(table, Msg.NextChapter.class, (state, msg) -> open(state, readingOrSelected(state) + 1));
        on(table, Msg.PrevChapter.class, (state, msg) -> open(state, readingOrSelected(state) - 1));
        on(table, Msg.ShowChapterList.class, (state, msg) -> Next.of(backToList(state)));
        on(table, Msg.ChapterReadToEnd.class, (state, r) -> markRead(state, r.number()));
        on(table, Msg.ProgressLoaded.class, (state, p) -> progressLoaded(state, p));
        on(table, Msg.ProgressSaveFailed.class,
                (state, f) -> Next.of(state.withNotice("Could not save progress: " + f.reason())));
        on(table, Msg.Notice.class, (state, n) -> Next.of(state.withNotice(n.text())));
        on(table, Msg.RunningChanged.class, (state, r) -> Next.of(state.withRunning(r.running())));
        on(table, Msg.TargetResolved.class, (state, t) -> Next.of(state.withTarget(t.target())));
        on(table, Msg.DeployedOnTarget.class, (state, d) -> marksFromTarget(state, d.chapterId()));
        on(table, Msg.QuitRequested.class, (state, msg) -> requestQuit(state));
        on(table, Msg.ShowAction.class, (state, a) -> ActionKeys.show(state, a.action()));
        on(table, Msg.Starting.class, (state, st) -> Next.of(state.withStarting(st.what())));
        on(table, Msg.CheckResult.class, (state, c) -> checkResult(state, c));
        on(table, Msg.CheckRead.class, (state, c) -> checkResult(state, judged(state, c)));
        on(table, Msg.TeardownListed.class, (state, t) -> TeardownPicking.listed(state, t));
        on(table, Msg.TeardownPicked.class, (state, p) -> TeardownPicking.pickOnly(state, p));
        return table.build();
    }

    /** The chapter being read, or the one selected on the list before any was opened. */
    private static int readingOrSelected(State s) {
        return s.current() < 0 ? s.selected() : s.current();
    }

    /** A key does what the key table says (see {@link KeyBindings}). */
    private static Next key(State s, Key key) {
        return KeyBindings.dispatch(s, key);
    }

    /** A digit on the chapter list: select that chapter, or say which chapters there are. */
    static Next selectNumber(State s, Key key) {
        int n = key.ch() - '0';
        return n < s.chapters().size() ? Next.of(select(s, n)) : Next.of(s.withNotice(noSuchChapter(s, n)));
    }

    /** A digit in a lesson: open that chapter, or say which chapters there are. */
    static Next openNumber(State s, Key key) {
        int n = key.ch() - '0';
        return n < s.chapters().size() ? open(s, n) : Next.of(s.withNotice(noSuchChapter(s, n)));
    }

    /** A page of the lesson: the text's rows but one, so the last line read stays in view. */
    static int lessonPage(State s) {
        return Math.max(1, s.layout().viewportHeight() - 1);
    }

    static State select(State s, int index) {
        int last = s.chapters().size() - 1;
        return s.withSelected(Math.max(0, Math.min(last, index)));
    }

    static State backToList(State s) {
        return s.withView(View.CHAPTERS).withOverlay(Overlay.NONE)
                .withSelected(s.current() >= 0 ? s.current() : s.selected());
    }

    static Next open(State s, int number) {
        if (number < 0 || number >= s.chapters().size()) {
            String why = s.chapters().isEmpty() ? "There are no chapters to open."
                    : number < 0 ? "This is the first chapter."
                    : number == s.chapters().size() ? "This is the last chapter."
                    : noSuchChapter(s, number);
            return Next.of(s.withNotice(why));
        }
        State opened = s.withView(View.LESSON).withOverlay(Overlay.NONE).withCurrent(number).withSelected(number)
                .withScroll(0).withLesson(List.of(), 0).withNotice(noticeFor(s.chapters().get(number), s.notice()));
        return settle(relayout(opened));
    }

    /** Keeps an unrelated notice (e.g. a progress problem) but replaces one about a previous chapter. */
    private static String noticeFor(Chapter chapter, String previous) {
        if (!chapter.readable()) {
            return chapter.problem();
        }
        return previous != null && previous.startsWith("There is no") || previous != null && previous.startsWith("This is the")
                ? null : previous;
    }

    private static String noSuchChapter(State s, int n) {
        return "There is no chapter " + n + "; the chapters are 0-" + (s.chapters().size() - 1) + ".";
    }

    static Next scrollTo(State s, int scroll) {
        int clamped = Math.max(0, Math.min(s.maxScroll(), scroll));
        return settle(s.withScroll(clamped));
    }

    /** Lays the open lesson out again when the width or glyphs changed; keeps the reader near the same text. */
    private static State relayout(State s) {
        Chapter chapter = s.currentChapter();
        if (chapter == null) {
            return s;
        }
        int width = s.layout().textWidth();
        if (width == s.lessonWidth() && !s.lesson().isEmpty()) {
            return s.withScroll(Math.max(0, Math.min(s.maxScroll(), s.scroll())));
        }
        List<StyledLine> lines = ChapterLines.lesson(chapter, width, s.unicode());
        int oldSize = s.lesson().size();
        int scroll = oldSize == 0 ? s.scroll() : (int) Math.round((double) s.scroll() * lines.size() / oldSize);
        State laidOut = s.withLesson(lines, width);
        return laidOut.withScroll(Math.max(0, Math.min(laidOut.maxScroll(), scroll)));
    }

    /** After any move in the lesson view: reaching the end of a lesson marks it read. */
    private static Next settle(State s) {
        if (s.view() == View.LESSON && s.currentChapter() != null && !s.size().tooSmall()
                && s.scroll() >= s.maxScroll() && s.currentChapter().readable()) {
            return markRead(s, s.current());
        }
        return Next.of(s);
    }

    private static Next markRead(State s, int number) {
        if (number < 0 || number >= s.chapters().size()) {
            return Next.of(s);
        }
        String id = s.chapters().get(number).id();
        if (s.mark(id) != Mark.NOT_STARTED) {
            return Next.of(s);
        }
        State marked = s.withMark(id, Mark.READ);
        return Next.of(marked, marked.course().save());
    }

    private static Next progressLoaded(State s, Msg.ProgressLoaded p) {
        // Marks made before the file arrived (the learner was quick) are kept; each chapter keeps the further mark.
        // Parameters set before it arrived are newer than the saved ones, so they win.
        Map<String, Mark> merged = new HashMap<>(p.marks());
        s.marks().forEach((id, m) -> merged.merge(id, m, Mark::atLeast));
        Course course = s.course().withMarks(merged).withAllParameters(p.parameters());
        for (Map.Entry<String, Map<String, String>> set : s.course().parameters().entrySet()) {
            course = course.withParameters(set.getKey(), set.getValue());
        }
        State loaded = s.with(course)
                .withStarting("loading saved progress".equals(s.starting()) ? null : s.starting())
                .withNotice(p.problem() != null ? p.problem() : s.notice());
        List<Effect> effects = new ArrayList<>();
        if (!merged.equals(p.marks()) || !course.parameters().equals(p.parameters())) {
            effects.add(course.save());
        }
        return new Next(loaded, effects);
    }

    static boolean deploying(State s) {
        return s.actions().get(Action.DEPLOY).status() == Status.IN_PROGRESS;
    }

    static State ask(State s, Action action, ActionPane.Question q) {
        return s.withPane(s.actions().get(action).asking(q));
    }

    /** The chapter's verdict on what the check read and the traffic pane's numbers and time line (none: empty). */
    private static Msg.CheckResult judged(State s, Msg.CheckRead c) {
        TrafficBoard traffic = s.trafficBoard();
        ChapterChecks.Verdict v = ChapterChecks.judge(c.chapterId(), c.graph(),
                java.util.Optional.ofNullable(traffic).map(TrafficBoard::sample),
                traffic == null ? ShareTimeline.empty() : traffic.timeline(), c.evidence());
        return new Msg.CheckResult(c.chapterId(), v.passed(), v.explanation());
    }

    private static Next checkResult(State s, Msg.CheckResult c) {
        State noted = s.withNotice((c.passed() ? "Check passed: " : "Check not passed yet: ") + c.explanation());
        if (!c.passed()) {
            return Next.of(noted);
        }
        State marked = noted.withMark(c.chapterId(), Mark.DONE);
        return Next.of(marked, marked.course().save());
    }

    /**
     * Marks as the target says: the chapter whose stack exists is at least deployed; any other chapter marked
     * deployed goes back to read (its stack is gone, e.g. torn down from another terminal). Done stays done.
     */
    static Next marksFromTarget(State s, java.util.Optional<String> deployed) {
        State out = s;
        for (dev.meshwalk.content.Chapter c : s.chapters()) {
            Mark mark = s.mark(c.id());
            if (deployed.filter(c.id()::equals).isPresent()) {
                out = out.withMark(c.id(), mark.atLeast(Mark.DEPLOYED));
            } else if (mark == Mark.DEPLOYED) {
                out = out.withMark(c.id(), Mark.READ);
            }
        }
        return out.marks().equals(s.marks()) ? Next.of(out) : Next.of(out, out.course().save());
    }

    static Next requestQuit(State s) {
        if (s.running()) {
            return Next.of(s.withOverlay(Overlay.CONFIRM_QUIT));
        }
        return Next.of(s, new Effect.Quit());
    }
}
