package dev.meshwalk.apps.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.apps.common.AppConfigurationException;
import dev.meshwalk.apps.common.Http;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorAppTest {

    private static Map<String, String> env(String color) {
        return Map.of("COLOR", color, "PORT", "0", "BIND_ADDRESS", "127.0.0.1");
    }

    @Test
    void answersItsColorOnTheRootPathAndAnyOtherPath() throws IOException {
        try (ColorApp app = ColorApp.start(env("green"))) {
            assertThat(Http.get("127.0.0.1", app.port(), "/")).isEqualTo(new Http.Answer(200, "green"));
            assertThat(Http.get("127.0.0.1", app.port(), "/anything")).isEqualTo(new Http.Answer(200, "green"));
        }
    }

    @Test
    void answersPingWith200ForHealthChecks() throws IOException {
        try (ColorApp app = ColorApp.start(env("blue"))) {
            assertThat(Http.get("127.0.0.1", app.port(), "/ping").status()).isEqualTo(200);
        }
    }

    @Test
    void takesItsServiceNameFromXrayAppNameWithColorAsDefault() {
        try (ColorApp named = ColorApp.start(Map.of("COLOR", "blue", "PORT", "0", "BIND_ADDRESS", "127.0.0.1",
                "XRAY_APP_NAME", "color-v2"));
             ColorApp unnamed = ColorApp.start(env("green"))) {
            assertThat(named.serviceName()).isEqualTo("color-v2");
            assertThat(named.describe()).startsWith("color-v2 answering blue on port " + named.port())
                    .endsWith("traces not exported (no OTEL_EXPORTER_OTLP_ENDPOINT)");
            assertThat(unnamed.serviceName()).isEqualTo("color");
        }
    }

    @Test
    void refusesToStartWithoutColorAndSaysWhatToSet() {
        assertThatThrownBy(() -> ColorApp.start(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1")))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("COLOR is not set")
                .hasMessageContaining("COLOR=green");
    }

    @Test
    void answersTheConfiguredShareWith500ButNeverFailsPing() throws IOException {
        try (ColorApp app = ColorApp.start(Map.of("COLOR", "blue", "PORT", "0", "BIND_ADDRESS", "127.0.0.1",
                "ERROR_PERCENT", "30"))) {
            int failed = 0;
            for (int i = 0; i < 100; i++) {
                Http.Answer answer = Http.get("127.0.0.1", app.port(), "/");
                if (answer.status() == 500) {
                    failed++;
                } else {
                    assertThat(answer).isEqualTo(new Http.Answer(200, "blue"));
                }
                assertThat(Http.get("127.0.0.1", app.port(), "/ping").status()).isEqualTo(200);
            }
            assertThat(failed).isEqualTo(30);
        }
    }

    @Test
    void refusesAnErrorPercentOutsideZeroToHundred() {
        assertThatThrownBy(() -> ColorApp.start(Map.of("COLOR", "blue", "PORT", "0", "ERROR_PERCENT", "130")))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("ERROR_PERCENT must be a whole number from 0 to 100");
    }

    @Test
    void refusesAMalformedPort() {
        assertThatThrownBy(() -> ColorApp.start(Map.of("COLOR", "green", "PORT", "eighty")))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessageContaining("PORT must be a number");
    }

    @Test
    void closeReleasesThePortAndStopsItsWorkerThreads() throws IOException {
        ColorApp app = ColorApp.start(env("green"));
        int port = app.port();
        Http.get("127.0.0.1", port, "/");
        app.close();

        assertThatThrownBy(() -> Http.get("127.0.0.1", port, "/")).isInstanceOf(ConnectException.class);
        String workerPrefix = "color-http-127.0.0.1:" + port + "-";
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith(workerPrefix) && thread.isAlive());
    }

    @Test
    void bindsTheAddressItIsGivenSoLocalTasksCanShareAPort() throws IOException {
        try (ColorApp first = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.2"));
             ColorApp second = ColorApp.start(Map.of("COLOR", "blue", "PORT", Integer.toString(first.port()),
                     "BIND_ADDRESS", "127.0.0.3"))) {
            assertThat(Http.get("127.0.0.2", first.port(), "/").body()).isEqualTo("green");
            assertThat(Http.get("127.0.0.3", second.port(), "/").body()).isEqualTo("blue");
        }
    }
}
