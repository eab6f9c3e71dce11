package dev.meshwalk.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.meshwalk.content.Chapter;
import dev.meshwalk.content.StyledLine;

/**
 * Everything the screens show, as one immutable value. Views are functions of it; only {@link Update} makes a
 * new one. Change it through {@link #toBuilder()}.
 *
 * @param chapters   the catalog's chapters, in order
 * @param view       the main screen
 * @param overlay    a dialog on top, or NONE
 * @param selected   highlighted row in the chapter list
 * @param current    open chapter in the lesson view (-1 before any is opened)
 * @param scroll     first lesson line shown
 * @param size       terminal size; below 80x24 the too-small screen is shown instead of everything else
 * @param unicode    whether box drawing and symbols may be used (false: ASCII)
 * @param marks      progress per chapter id; a missing id means NOT_STARTED
 * @param target     where stacks go, as the status bar shows it
 * @param notice     status-bar message (problems, hints), or null
 * @param starting   what is still starting (shown in the status bar), or null once everything is up
 * @param running    something long-running is active; quitting asks first
 * @param focused    the action whose pane is shown in the lesson view's strip
 * @param actions    one pane per action
 * @param paneScroll lines scrolled back from the newest in the open action pane (0 = follow the newest)
 * @param map        the service map pane: last graph answer, window, label mode, table view, pan offset
 * @param lesson     the current chapter laid out for {@code lessonWidth}
 * @param lessonWidth the width {@code lesson} was laid out for (0: not laid out)
 * @param logFile    where logs go, named in the help overlay
 * @param teardown   the teardown menu: the inventory with the learner's picks and cursor (empty until listed)
 */
public record State(List<Chapter> chapters, View view, Overlay overlay, int selected, int current, int scroll,
                    Size size, boolean unicode, Map<String, Mark> marks, Target target, String notice,
                    String starting, boolean running, Action focused, Map<Action, ActionPane> actions, MapView map, int paneScroll,
                    List<StyledLine> lesson, int lessonWidth, String logFile, TeardownMenu teardown) {

    public State {
        chapters = List.copyOf(chapters);
        marks = Map.copyOf(marks);
        EnumMap<Action, ActionPane> copy = new EnumMap<>(Action.class);
        copy.putAll(actions);
        actions = Collections.unmodifiableMap(copy);
        lesson = List.copyOf(lesson);
        teardown = teardown == null ? TeardownMenu.empty() : teardown;
    }

    /** The state before the first frame: chapter list, every action pane untouched, progress still loading. */
    public static State initial(List<Chapter> chapters, Size size, boolean unicode, Target target, String logFile) {
        Map<Action, ActionPane> panes = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            panes.put(a, ActionPane.untouched(a));
        }
        return new State(chapters, View.CHAPTERS, Overlay.NONE, 0, -1, 0, size, unicode, Map.of(), target, null,
                "loading saved progress", false, Action.DEPLOY, panes, MapView.initial(), 0, List.of(), 0, logFile,
                TeardownMenu.empty());
    }

    /** The stack operation shown on an action's pane (DEPLOY or TEARDOWN), or null when the pane shows none. */
    public DeployBoard deployBoard(Action action) {
        return actions.get(action).board() instanceof DeployBoard b ? b : null;
    }

    /** The traffic loop's board, or null before the loop first started (or when the pane shows a problem). */
    public TrafficBoard trafficBoard() {
        return actions.get(Action.TRAFFIC).board() instanceof TrafficBoard b ? b : null;
    }

    public Mark mark(String chapterId) {
        return marks.getOrDefault(chapterId, Mark.NOT_STARTED);
    }

    public Chapter currentChapter() {
        return current >= 0 && current < chapters.size() ? chapters.get(current) : null;
    }

    /** The text of the question the action's pane asks now ("" when none); the teardown one counts the picks. */
    public String prompt(Action action) {
        ActionPane.Question q = actions.get(action).question();
        return q == ActionPane.Question.TEARDOWN ? teardown.prompt() : q.prompt();
    }

    public Layout layout() {
        return Layout.of(size);
    }

    public int maxScroll() {
        return Math.max(0, lesson.size() - layout().viewportHeight());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change for the many fields of {@link State}; keeps {@link Update} readable. */
    public static final class Builder {
        private List<Chapter> chapters;
        private View view;
        private Overlay overlay;
        private int selected;
        private int current;
        private int scroll;
        private Size size;
        private boolean unicode;
        private Map<String, Mark> marks;
        private Target target;
        private String notice;
        private String starting;
        private boolean running;
        private Action focused;
        private Map<Action, ActionPane> actions;
        private MapView map;
        private int paneScroll;
        private List<StyledLine> lesson;
        private int lessonWidth;
        private String logFile;
        private TeardownMenu teardown;

        private Builder(State s) {
            chapters = s.chapters;
            view = s.view;
            overlay = s.overlay;
            selected = s.selected;
            current = s.current;
            scroll = s.scroll;
            size = s.size;
            unicode = s.unicode;
            marks = s.marks;
            target = s.target;
            notice = s.notice;
            starting = s.starting;
            running = s.running;
            map = s.map;
            paneScroll = s.paneScroll;
            focused = s.focused;
            actions = s.actions;
            lesson = s.lesson;
            lessonWidth = s.lessonWidth;
            logFile = s.logFile;
            teardown = s.teardown;
        }

        public Builder view(View v) {
            view = v;
            return this;
        }

        public Builder overlay(Overlay o) {
            overlay = o;
            return this;
        }

        public Builder selected(int v) {
            selected = v;
            return this;
        }

        public Builder current(int v) {
            current = v;
            return this;
        }

        public Builder scroll(int v) {
            scroll = v;
            return this;
        }

        public Builder size(Size v) {
            size = v;
            return this;
        }

        public Builder marks(Map<String, Mark> v) {
            marks = v;
            return this;
        }

        public Builder mark(String id, Mark m) {
            Map<String, Mark> copy = new HashMap<>(marks);
            copy.put(id, m);
            marks = copy;
            return this;
        }

        public Builder target(Target v) {
            target = v;
            return this;
        }

        public Builder notice(String v) {
            notice = v;
            return this;
        }

        public Builder starting(String v) {
            starting = v;
            return this;
        }

        public Builder paneScroll(int v) {
            paneScroll = Math.max(0, v);
            return this;
        }

        public Builder map(MapView v) {
            map = v;
            return this;
        }

        public Builder running(boolean v) {
            running = v;
            return this;
        }

        public Builder focused(Action v) {
            focused = v;
            return this;
        }

        public Builder pane(ActionPane pane) {
            Map<Action, ActionPane> copy = new EnumMap<>(Action.class);
            copy.putAll(actions);
            copy.put(pane.action(), pane);
            actions = copy;
            return this;
        }

        public Builder lesson(List<StyledLine> lines, int width) {
            lesson = lines;
            lessonWidth = width;
            return this;
        }

        public Builder teardown(TeardownMenu v) {
            teardown = v;
            return this;
        }

        public State build() {
            return new State(chapters, view, overlay, selected, current, scroll, size, unicode, marks, target,
                    notice, starting, running, focused, actions, map, paneScroll, lesson, lessonWidth, logFile, teardown);
        }
    }
}
