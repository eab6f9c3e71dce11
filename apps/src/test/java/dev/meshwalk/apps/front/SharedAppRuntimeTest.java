package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.FakeOtlpReceiver;
import dev.meshwalk.apps.common.Http;
import dev.meshwalk.apps.common.SharedAppRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        awaitNoThreadsBut(before);
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
            ExecutorService callers = Executors.newFixedThreadPool(clients);
            try {
                List<Callable<Integer>> work = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    work.add(() -> {
                        int ok = 0;
                        for (int i = 0; i < callsEach; i++) {
                            if (Http.get("127.0.0.1", front.port(), "/color").status() == 200) {
                                ok++;
                            }
                        }
                        return ok;
                    });
                }
                // every front request holds a shared thread while it waits for color, which needs one too: a small
                // fixed pool would hang here with all its threads waiting
                int answered = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    int sum = 0;
                    for (Future<Integer> done : callers.invokeAll(work)) {
                        sum += done.get();
                    }
                    return sum;
                });
                assertThat(answered).isEqualTo(clients * callsEach);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static void awaitNoThreadsBut(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && !before.contains(thread) && !PER_JVM.contains(thread.getName()))
                    .map(Thread::getName)
                    .collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(left).as("threads still running after close").isEmpty();
    }
}
