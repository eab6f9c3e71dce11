package dev.meshwalk.core;

import java.util.List;
import java.util.Map;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.StyledLine;

/**
 * Everything the screens show, as one immutable value in five parts. Views are functions of it; only
 * {@link Update} (and the helpers it calls) makes a new one, with the {@code with...} methods.
 *
 * @param course  the chapters and the learner's progress on them
 * @param reader  where the learner is in the chapter list and the open lesson
 * @param screen  the view, the dialog on top, the terminal's size and glyphs
 * @param session the status bar's facts: target, notice, what is starting, whether work runs, the log file
 * @param panes   the action panes, the map, the teardown menu and the deploy in progress
 */
public record State(Course course, Reader reader, Screen screen, Session session, Panes panes) {

    /** The state before the first frame: chapter list, every action pane untouched, progress still loading. */
    public static State initial(List<Chapter> chapters, Size size, boolean unicode, Target target, String logFile) {
        return new State(new Course(chapters, Map.of()), Reader.start(), new Screen(View.CHAPTERS, Overlay.NONE, size, unicode),
                new Session(target, null, "loading saved progress", false, logFile), Panes.initial());
    }

    // ---- shortcuts to the parts' fields, for the views -------------------------------------------------------

    public List<Chapter> chapters() {
        return course.chapters();
    }

    public Map<String, Mark> marks() {
        return course.marks();
    }

    public Mark mark(String chapterId) {
        return course.mark(chapterId);
    }

    public View view() {
        return screen.view();
    }

    public Overlay overlay() {
        return screen.overlay();
    }

    public Size size() {
        return screen.size();
    }

    public boolean unicode() {
        return screen.unicode();
    }

    public int selected() {
        return reader.selected();
    }

    public int current() {
        return reader.current();
    }

    public int scroll() {
        return reader.scroll();
    }

    public List<StyledLine> lesson() {
        return reader.lesson();
    }

    public int lessonWidth() {
        return reader.lessonWidth();
    }

    public Target target() {
        return session.target();
    }

    public String notice() {
        return session.notice();
    }

    public String starting() {
        return session.starting();
    }

    public boolean running() {
        return session.running();
    }

    public String logFile() {
        return session.logFile();
    }

    public Action focused() {
        return panes.focused();
    }

    public Map<Action, ActionPane> actions() {
        return panes.byAction();
    }

    public int paneScroll() {
        return panes.scroll();
    }

    public MapView map() {
        return panes.map();
    }

    public TeardownMenu teardown() {
        return panes.teardown();
    }

    // ---- derived -------------------------------------------------------------------------------------------

    /** The stack operation shown on an action's pane (DEPLOY or TEARDOWN), or null when the pane shows none. */
    public DeployBoard deployBoard(Action action) {
        return actions().get(action).board() instanceof DeployBoard b ? b : null;
    }

    /** The traffic loop's board, or null before the loop first started (or when the pane shows a problem). */
    public TrafficBoard trafficBoard() {
        return actions().get(Action.TRAFFIC).board() instanceof TrafficBoard b ? b : null;
    }

    public Chapter currentChapter() {
        return current() >= 0 && current() < chapters().size() ? chapters().get(current()) : null;
    }

    /** The text of the question the action's pane asks now ("" when none); the teardown one counts the picks. */
    public String prompt(Action action) {
        ActionPane.Question q = actions().get(action).question();
        return q == ActionPane.Question.TEARDOWN ? teardown().prompt() : q.prompt();
    }

    public Layout layout() {
        return Layout.of(size());
    }

    public int maxScroll() {
        return Math.max(0, lesson().size() - layout().viewportHeight());
    }

    // ---- changes (Update's) --------------------------------------------------------------------------------

    State with(Course c) {
        return new State(c, reader, screen, session, panes);
    }

    State with(Reader r) {
        return new State(course, r, screen, session, panes);
    }

    State with(Screen s) {
        return new State(course, reader, s, session, panes);
    }

    State with(Session s) {
        return new State(course, reader, screen, s, panes);
    }

    State with(Panes p) {
        return new State(course, reader, screen, session, p);
    }

    State withView(View v) {
        return with(screen.withView(v));
    }

    State withOverlay(Overlay o) {
        return with(screen.withOverlay(o));
    }

    State withNotice(String text) {
        return with(session.withNotice(text));
    }

    State withMark(String chapterId, Mark m) {
        return with(course.withMark(chapterId, m));
    }

    State withPane(ActionPane pane) {
        return with(panes.with(pane));
    }

    State withPaneScroll(int lines) {
        return with(panes.withScroll(lines));
    }

    State withMap(MapView m) {
        return with(panes.withMap(m));
    }

    State withTeardown(TeardownMenu t) {
        return with(panes.withTeardown(t));
    }

    State withDeploy(PendingDeploy d) {
        return with(panes.withDeploy(d));
    }

    State withSelected(int v) {
        return with(reader.withSelected(v));
    }

    State withCurrent(int v) {
        return with(reader.withCurrent(v));
    }

    State withScroll(int v) {
        return with(reader.withScroll(v));
    }

    State withLesson(List<StyledLine> lines, int width) {
        return with(reader.withLesson(lines, width));
    }

    State withSize(Size s) {
        return with(screen.withSize(s));
    }

    State withMarks(Map<String, Mark> m) {
        return with(course.withMarks(m));
    }

    State withTarget(Target t) {
        return with(session.withTarget(t));
    }

    State withStarting(String what) {
        return with(session.withStarting(what));
    }

    State withRunning(boolean r) {
        return with(session.withRunning(r));
    }

    State withFocused(Action a) {
        return with(panes.withFocused(a));
    }
}
