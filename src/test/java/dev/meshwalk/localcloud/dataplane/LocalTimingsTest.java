package dev.meshwalk.localcloud.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalTimingsTest {

    private final LocalTimings defaults = LocalTimings.defaults();

    @Test
    void templateTimingsRunAtOneHundredTwentiethWithAFloor() {
        assertThat(defaults.seconds(60)).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.seconds(120)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.seconds(5)).isEqualTo(Duration.ofMillis(250));
        assertThat(defaults.dnsTtlSeconds(300)).isEqualTo(3);
        assertThat(defaults.dnsTtlSeconds(10)).isEqualTo(1);
    }

    @Test
    void probeTimeoutsNeverDropBelowOneSecond() {
        assertThat(defaults.timeout(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LocalTimings.realTime().timeout(5)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void descriptionNamesTheFactorAndExamples() {
        assertThat(defaults.describe()).contains("1/120").contains("60 s -> 500 ms").contains("120 s -> 1000 ms");
    }

    @Test
    void factorOutsideZeroToOneIsRejectedWithTheValue() {
        assertThatThrownBy(() -> new LocalTimings(2, Duration.ZERO)).hasMessageContaining("(0, 1]").hasMessageContaining("2.0");
    }
}
