package dev.meshwalk.localcloud.dataplane.logs;

import java.time.Instant;

/**
 * One line of a log stream as CloudWatch Logs keeps it.
 *
 * @param sequence grows by one per event across the whole store: the event id, and the order of events with equal
 *                 timestamps
 */
public record LogEvent(long sequence, Instant timestamp, Instant ingestionTime, String message) {
}
