package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The traffic loop as the learner follows it: which endpoint it calls, its latest numbers and the latest answers,
 * newest first. Folded from {@code Msg.TrafficStarted/TrafficAnswered/TrafficSampled} by {@link Update}; drawn by
 * {@link BoardText}. A repeated answer (same sequence number) is kept once; one that arrives after a newer one is
 * put in its place, so the list always reads newest first; one older than every listed answer cannot be told from a
 * repeat and is dropped.
 *
 * @param endpoint the front endpoint, e.g. {@code http://127.0.0.2:8080}
 * @param sample   the latest numbers
 * @param recent   the latest {@value #RECENT} answers, newest (highest sequence) first
 * @param timeline the color shares over time (drawn by {@link ShareTimelineText}); kept across a clear of front's
 *                 history, which restarts the loop but is part of one watch
 * @param mark     the color task the learner stopped under this loop ("break it"), or null
 */
public record TrafficBoard(String endpoint, TrafficSample sample, List<TrafficAnswer> recent, ShareTimeline timeline,
        BreakMark mark)
        implements Board {

    /** How many answers the pane lists. */
    public static final int RECENT = 6;

    public TrafficBoard {
        recent = List.copyOf(recent);
    }

    /** A board without a stopped task. */
    public TrafficBoard(String endpoint, TrafficSample sample, List<TrafficAnswer> recent, ShareTimeline timeline) {
        this(endpoint, sample, recent, timeline, null);
    }

    /** A loop that just started (or restarted with a fresh count). */
    public static TrafficBoard started(String endpoint, java.time.Duration interval) {
        return new TrafficBoard(endpoint, TrafficSample.none(interval, true), List.of(), ShareTimeline.empty());
    }

    /** A loop restarted on the same watch (front's history cleared): fresh counts, the same time line. */
    TrafficBoard restarted(java.time.Duration interval) {
        return new TrafficBoard(endpoint, TrafficSample.none(interval, true), List.of(), timeline);
    }

    public Status status() {
        return sample.running() ? Status.IN_PROGRESS : Status.INFO;
    }

    TrafficBoard withAnswer(TrafficAnswer a) {
        boolean older = recent.size() == RECENT && a.sequence() < recent.get(RECENT - 1).sequence();
        if (older || recent.stream().anyMatch(r -> r.sequence() == a.sequence())) {
            return this; // a repeat, or one too old to tell from a repeat: the time line must not count it twice
        }
        List<TrafficAnswer> next = new ArrayList<>(recent);
        int at = 0;
        while (at < next.size() && next.get(at).sequence() > a.sequence()) {
            at++;
        }
        next.add(at, a);
        return new TrafficBoard(endpoint, sample, next.subList(0, Math.min(RECENT, next.size())),
                timeline.with(a.ok() ? a.color() : java.util.Optional.empty()), mark);
    }

    TrafficBoard withSample(TrafficSample s) {
        return new TrafficBoard(endpoint, s, recent, timeline, mark);
    }

    /** A color task was stopped now: marks the moment at the newest answer and the current counts. */
    TrafficBoard withStop(String service, String taskId, String chapterId, int desired) {
        long newest = recent.isEmpty() ? 0 : recent.get(0).sequence();
        return new TrafficBoard(endpoint, sample, recent, timeline, new BreakMark(service, taskId, newest,
                sample.requests(), sample.failed(), chapterId, java.util.Optional.empty(), desired));
    }

    /** The stop's account ends (a deploy changes what it was about): the pane shows no stop. */
    TrafficBoard withoutStop() {
        return mark == null ? this : new TrafficBoard(endpoint, sample, recent, timeline, null);
    }

    /** ECS runs the desired count again, {@code took} after the stop. */
    TrafficBoard withRecovery(java.time.Duration took) {
        return mark == null ? this : new TrafficBoard(endpoint, sample, recent, timeline, mark.withRecovery(took));
    }
}
