package dev.meshwalk.apps.color;

import dev.meshwalk.apps.common.AppConfigurationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ERROR_PERCENT}: the share of color answers that are HTTP 500 instead, so a faulty revision can be
 * simulated (chapter 5's canary). Spread evenly, not at random: with 30, answers 4, 7 and 10 of every ten fail,
 * so a short sample already shows the configured share.
 */
final class ErrorShare {

    private final int percent;
    private final AtomicLong answered = new AtomicLong();

    private ErrorShare(int percent) {
        this.percent = percent;
    }

    /** Parses the variable's value (null or blank: 0). */
    static ErrorShare of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ErrorShare(0);
        }
        try {
            int percent = Integer.parseInt(raw.trim());
            if (percent >= 0 && percent <= 100) {
                return new ErrorShare(percent);
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range number
        }
        throw new AppConfigurationException("ERROR_PERCENT must be a whole number from 0 to 100, got '" + raw
                + "'; unset it to answer every request");
    }

    int percent() {
        return percent;
    }

    /** True when this answer is one of the failing share. */
    boolean nextFails() {
        long n = answered.incrementAndGet();
        return (n * percent) / 100 > ((n - 1) * percent) / 100;
    }
}
