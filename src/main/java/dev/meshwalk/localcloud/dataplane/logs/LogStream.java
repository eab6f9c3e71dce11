package dev.meshwalk.localcloud.dataplane.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One log stream: a ring of its newest events (the oldest are dropped past {@code capacity}, which bounds the memory
 * of a long-running local cloud), with the times CloudWatch Logs reports for a stream.
 */
public final class LogStream {

    private final String name;
    private final Instant createdAt;
    private final int capacity;
    private final ArrayDeque<LogEvent> events = new ArrayDeque<>();
    private Instant firstEventAt;
    private Instant lastEventAt;
    private Instant lastIngestionAt;
    private long storedBytes;

    LogStream(String name, Instant createdAt, int capacity) {
        this.name = name;
        this.createdAt = createdAt;
        this.capacity = capacity;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    synchronized void append(LogEvent event) {
        if (events.size() == capacity) {
            LogEvent dropped = events.removeFirst();
            storedBytes -= dropped.message().length();
        }
        events.addLast(event);
        storedBytes += event.message().length();
        if (firstEventAt == null) {
            firstEventAt = event.timestamp();
        }
        lastEventAt = event.timestamp();
        lastIngestionAt = event.ingestionTime();
    }

    /** The events kept, oldest first. */
    public synchronized List<LogEvent> events() {
        return new ArrayList<>(events);
    }

    public synchronized Instant firstEventAt() {
        return firstEventAt;
    }

    public synchronized Instant lastEventAt() {
        return lastEventAt;
    }

    public synchronized Instant lastIngestionAt() {
        return lastIngestionAt;
    }

    public synchronized long storedBytes() {
        return storedBytes;
    }
}
