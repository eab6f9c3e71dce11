package dev.meshwalk.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer (or failure) of the traffic loop, as it arrives.
 *
 * @param sequence 1 for the first request of the loop
 * @param status   the HTTP status, when there was an answer
 * @param color    the color front reported
 * @param appStats front's own share per color over its last 1000 answers (its {@code stats} field)
 * @param latency  time from sending to the full answer (or to the failure)
 * @param error    why it failed, empty on success
 * @param detail   a short text: the error's message or the answer's first bytes when it was not understood
 */
public record TrafficEvent(long sequence, Instant at, OptionalInt status, Optional<String> color,
        Map<String, Double> appStats, Duration latency, Optional<ErrorKind> error, String detail) {

    public TrafficEvent {
        appStats = Map.copyOf(appStats);
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
