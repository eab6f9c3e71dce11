package dev.meshwalk.localcloud.dataplane.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCommandTest {

    @Test
    void envoyServerInfoCheckBecomesAGetWithBodyConditions() {
        HealthCommand command = HealthCommand.parse(List.of("CMD-SHELL",
                "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE")).orElseThrow();

        assertThat(command.port()).isEqualTo(9901);
        assertThat(command.path()).isEqualTo("/server_info");
        assertThat(command.mustContain()).containsExactly("state", "LIVE");
        assertThat(command.passes(200, "{\"state\": \"LIVE\"}")).isTrue();
        assertThat(command.passes(200, "{\"state\": \"PRE_INITIALIZING\"}")).isFalse();
    }

    @Test
    void curlFailFlagRequiresASuccessStatus() {
        HealthCommand command = HealthCommand.parse(List.of("CMD-SHELL",
                "curl -f http://127.0.0.1:8080/ping || exit 1")).orElseThrow();

        assertThat(command.passes(200, "")).isTrue();
        assertThat(command.passes(500, "")).isFalse();
    }

    @Test
    void commandsThatAreNotCurlProbesAreNotUnderstood() {
        assertThat(HealthCommand.parse(List.of("CMD-SHELL", "pgrep envoy"))).isEmpty();
        assertThat(HealthCommand.parse(List.of())).isEmpty();
    }
}
