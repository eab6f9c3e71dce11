package dev.meshwalk.effects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.ResourcePhase;

/**
 * The deploy pane while the tutorial waits for another operation on its stack to end: the status now, the time
 * waited, the answer to a cancel request, and every status the stack passed through (a cancelled update shows
 * its rollback). Fed by the thread that waits and drawn by the one that ticks the clock, hence synchronized.
 */
final class BusyWaitView {

    private final String stackName;
    private final String chapterId;
    private final String cancelAnswer;
    private final boolean unicode;
    private final long start = System.nanoTime();
    private final List<String> seen = new ArrayList<>();
    private String status;

    BusyWaitView(String stackName, String chapterId, String cancelAnswer, String status, boolean unicode) {
        this.stackName = stackName;
        this.chapterId = chapterId;
        this.cancelAnswer = cancelAnswer;
        this.unicode = unicode;
        this.status = status;
    }

    synchronized void status(String now) {
        status = now;
        seen.add(String.format(Locale.ROOT, " %s %7s  %s", symbol(now), BoardText.seconds(elapsed()), now));
    }

    /** The status the stack settled in (it may have settled before the first poll saw it move). */
    synchronized void settled(String now) {
        if (!now.equals(status) || seen.isEmpty()) {
            status(now);
        }
    }

    /** While waiting: header with status and time waited, then what happened so far. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        // Short lines: the status and the clock must not wrap on an 80-column screen.
        lines.add("Waiting for the stack " + stackName + "   " + BoardText.seconds(elapsed()));
        lines.add(symbol(status) + " now " + status + "   (esc: cancel the update or keep waiting)");
        lines.add("Chapter " + chapterId + " is planned once the stack has settled.");
        body(lines);
        return lines;
    }

    /** Once settled: how long it took and what comes next. */
    synchronized List<String> settledLines() {
        List<String> lines = new ArrayList<>();
        lines.add("The stack " + stackName + " settled after " + BoardText.seconds(elapsed()) + ": " + status + ".");
        lines.add("Planning chapter " + chapterId + " ...");
        body(lines);
        return lines;
    }

    private void body(List<String> lines) {
        if (cancelAnswer != null) {
            lines.add("  " + cancelAnswer);
        }
        if (!seen.isEmpty()) {
            lines.add("Statuses seen:");
            lines.addAll(seen);
        }
    }

    private String symbol(String stackStatus) {
        return ResourcePhase.valueOf(StackStatuses.phase(stackStatus).name()).status().symbol(unicode);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
