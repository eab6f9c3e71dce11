package dev.meshwalk.apps.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {

    @Test
    void aTimeoutOrDelayThatIsNotAPositiveNumberStopsTheAppWithTheVariablesName() {
        for (String variable : new String[] {"OTEL_EXPORTER_OTLP_TIMEOUT", "OTEL_BSP_SCHEDULE_DELAY"}) {
            for (String bad : new String[] {"soon", "0", "-5"}) {
                assertThatThrownBy(() -> Telemetry.start(new Environment(Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9", variable, bad)), "front").close())
                        .isInstanceOf(AppConfigurationException.class)
                        .hasMessage(variable + " must be a positive number of milliseconds, got '" + bad + "'");
            }
        }
    }
}
