package dev.meshwalk.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer (or failure) of the traffic loop, as the pane lists it.
 *
 * @param sequence   1 for the loop's first request
 * @param httpStatus the HTTP status, when there was an answer
 * @param color      the color front reported, on success
 * @param error      the error kind's short label ("HTTP 5xx", "timeout", ...), empty on success
 * @param latency    time to the full answer or to the failure
 * @param detail     a short text for a failure: the error's message or the first bytes of a strange answer
 */
public record TrafficAnswer(long sequence, OptionalInt httpStatus, Optional<String> color, Optional<String> error,
        Duration latency, String detail) {

    public boolean ok() {
        return error.isEmpty();
    }
}
