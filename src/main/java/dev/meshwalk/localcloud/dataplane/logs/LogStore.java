package dev.meshwalk.localcloud.dataplane.logs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch Logs' data: the log groups the stacks create and the streams ECS's {@code awslogs} driver writes
 * each container's output to. Bounded: a ring of events per stream and a cap on streams per group.
 */
public final class LogStore {

    private static final Logger LOG = LoggerFactory.getLogger(LogStore.class);
    /** Events kept per stream: far more than a learner scrolls through, a few MB at most per group. */
    public static final int EVENTS_PER_STREAM = 2_000;
    /** Streams kept per group (each task writes one per container). */
    public static final int STREAMS_PER_GROUP = 300;

    private final Clock clock;
    private final Map<String, LogGroup> groups = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.Set<String> warnedMissing = ConcurrentHashMap.newKeySet();

    public LogStore(Clock clock) {
        this.clock = clock;
    }

    /** Creates a group (a stack's {@code AWS::Logs::LogGroup}, or the driver's {@code awslogs-create-group}). */
    public void createGroup(String name, String arn, Integer retentionDays) {
        groups.compute(name, (k, old) -> old == null
                ? LogGroup.create(name, arn, retentionDays, clock.instant(), STREAMS_PER_GROUP, EVENTS_PER_STREAM)
                : new LogGroup(name, arn, retentionDays, old.createdAt(), old.streamsByName(), old.maxStreams(),
                        old.eventsPerStream()));
    }

    public void deleteGroup(String name) {
        groups.remove(name);
    }

    public Optional<LogGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** Every group, by name. */
    public List<LogGroup> groups() {
        List<LogGroup> all = new ArrayList<>(groups.values());
        all.sort(Comparator.comparing(LogGroup::name));
        return all;
    }

    /**
     * Appends one line to {@code group}/{@code stream}, creating the stream. A group that does not exist drops the
     * line (on AWS the task would not start); that is logged once per group.
     */
    public void append(String group, String stream, String message) {
        LogGroup target = groups.get(group);
        if (target == null) {
            if (warnedMissing.add(group)) {
                LOG.warn("Log group {} does not exist; container output for it is dropped", group);
            }
            return;
        }
        var now = clock.instant();
        target.stream(stream, now).append(new LogEvent(sequence.incrementAndGet(), now, now, message));
    }
}
