package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.AppLoad;
import dev.meshwalk.apps.common.FakeOtlpReceiver;
import dev.meshwalk.apps.common.Http;
import dev.meshwalk.apps.common.SharedAppRuntime;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The local cloud's way of running apps: many instances in one JVM on the threads of one {@link SharedAppRuntime}. */
class SharedAppRuntimeTest {
    private static final String COLOR_NAME = "color.howto-ecs-basics.pvtdns";
    /** Threads the JDK and dnsjava keep once per JVM (keep-alive cache timer, DNS selector), not per app or runtime. */
    private static final Set<String> PER_JVM = Set.of("Keep-Alive-Timer", "dnsjava NIO selector");

    @Test
    void closingTheAppsAndTheirSharedRuntimeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        try (FakeOtlpReceiver sidecar = new FakeOtlpReceiver();
             FakeDnsServer dns = new FakeDnsServer(60).answer(COLOR_NAME, "127.0.0.2")) {
            SharedAppRuntime runtime = new SharedAppRuntime();
            ColorApp color = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.2",
                    "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "50"), runtime);
            FrontApp front = FrontApp.start(Map.of("COLOR_HOST", COLOR_NAME + ":" + color.port(), "PORT", "0",
                    "BIND_ADDRESS", "127.0.0.1", "DNS_SERVER", dns.address(),
                    "OTEL_EXPORTER_OTLP_ENDPOINT", sidecar.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "50"), runtime);
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get("127.0.0.1", front.port(), "/color").status()).isEqualTo(200);
            }
            front.close();
            color.close();
            runtime.close();

            // both instances exported through the shared threads, each under its own service name
            assertThat(sidecar.spans().stream().map(FakeOtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("front", "color");
            assertThat(sidecar.spans()).hasSize(15);
        }
        AppLoad.awaitNoThreadsBut(before, PER_JVM);
    }

    @Test
    void manyConcurrentFrontToColorCallsOnSharedThreadsAllComplete() throws Exception {
        int clients = 64;
        int callsEach = 20;
        try (FakeDnsServer dns = new FakeDnsServer(60).answer(COLOR_NAME, "127.0.0.2");
             SharedAppRuntime runtime = new SharedAppRuntime();
             ColorApp color = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.2"),
                     runtime);
             FrontApp front = FrontApp.start(Map.of("COLOR_HOST", COLOR_NAME + ":" + color.port(), "PORT", "0",
                     "BIND_ADDRESS", "127.0.0.1", "DNS_SERVER", dns.address()), runtime)) {
            assertThat(AppLoad.colorCallsAnswered(front.port(), clients, callsEach)).isEqualTo(clients * callsEach);
        }
    }
}
