package dev.meshwalk.localcloud.service.cloudwatch;

import java.time.Instant;

/**
 * An alarm's state as {@code DescribeAlarms} shows it.
 *
 * @param value        {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
 * @param reasonData   JSON text, as CloudWatch puts it in {@code StateReasonData}; null when there is none
 * @param updated      when the state or its reason last changed
 * @param transitioned when the state value last changed
 */
record AlarmState(String value, String reason, String reasonData, Instant updated, Instant transitioned) {

    static final String OK = "OK";
    static final String ALARM = "ALARM";
    static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    static AlarmState initial(Instant now) {
        return new AlarmState(INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null, now, now);
    }

    /** The next state: {@code transitioned} moves only when the value changes. */
    AlarmState next(String newValue, String newReason, String newReasonData, Instant now) {
        return new AlarmState(newValue, newReason, newReasonData, now, newValue.equals(value) ? transitioned : now);
    }
}
