package dev.meshwalk.localcloud.dataplane.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A log group and its streams. At most {@code maxStreams} streams are kept: tasks come and go and each gets fresh
 * streams, so past that the stream whose last event is oldest goes.
 *
 * @param retentionDays null means "never expire", as the group's {@code RetentionInDays} left out
 */
public record LogGroup(String name, String arn, Integer retentionDays, Instant createdAt,
                       Map<String, LogStream> streamsByName, int maxStreams, int eventsPerStream) {

    /** The stream of that name, created when it does not exist yet. */
    LogStream stream(String streamName, Instant now) {
        LogStream stream = streamsByName.computeIfAbsent(streamName, n -> new LogStream(n, now, eventsPerStream));
        if (streamsByName.size() > maxStreams) {
            streamsByName.values().stream().filter(s -> s != stream)
                    .min(Comparator.comparing(s -> s.lastEventAt() == null ? s.createdAt() : s.lastEventAt()))
                    .ifPresent(oldest -> streamsByName.remove(oldest.name()));
        }
        return stream;
    }

    public Optional<LogStream> stream(String streamName) {
        return Optional.ofNullable(streamsByName.get(streamName));
    }

    /** The streams, by name. */
    public List<LogStream> streams() {
        List<LogStream> all = new ArrayList<>(streamsByName.values());
        all.sort(Comparator.comparing(LogStream::name));
        return all;
    }

    public long storedBytes() {
        return streamsByName.values().stream().mapToLong(LogStream::storedBytes).sum();
    }

    static LogGroup create(String name, String arn, Integer retentionDays, Instant now, int maxStreams,
                           int eventsPerStream) {
        return new LogGroup(name, arn, retentionDays, now, new ConcurrentHashMap<>(), maxStreams, eventsPerStream);
    }
}
