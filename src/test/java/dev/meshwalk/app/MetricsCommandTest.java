package dev.meshwalk.app;

import static dev.meshwalk.testsupport.InProcessMain.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.meshwalk.testsupport.InProcessMain.Run;

/** The scripted {@code metrics}' own checks, which answer before any call to the target. */
class MetricsCommandTest {

    /** Nothing listens on the discard port: a call would fail, so these answers come before any. */
    private static final String NOBODY = "http://127.0.0.1:9";

    @Test
    void aWindowWithMorePointsThanFitALineSaysWhichPeriodWould() {
        Run r = run("--endpoint-url", NOBODY, "metrics", "--minutes", "60");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.output()).contains("60 min at a point per 10 s is 360 points; at most 60 fit a line.")
                .contains("Use --period 60 or more");
    }

    @Test
    void zeroOrNegativeNumbersAreRefused() {
        Run r = run("--endpoint-url", NOBODY, "metrics", "--period", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.output()).contains("--minutes and --period must be more than zero.");
    }
}
