package dev.meshwalk.localcloud.dataplane.apphost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.AppHost;
import dev.meshwalk.apps.common.AppLoad;
import dev.meshwalk.apps.common.AppRuntime;
import dev.meshwalk.apps.common.Exchanges;
import dev.meshwalk.apps.common.Http;
import dev.meshwalk.apps.common.SharedAppRuntime;
import dev.meshwalk.apps.common.TelemetryExport;
import dev.meshwalk.apps.front.FrontApp;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local cloud's in-process apps served on one event loop, their handlers on the shared request pool. */
class NettyAppHostTest {
    /** Threads the JDK keeps once per JVM (the keep-alive cache's timer), not per host. */
    private static final Set<String> PER_JVM = Set.of("Keep-Alive-Timer");

    private static AppRuntime onTheLoop(SharedAppRuntime shared) {
        AppHost host = new NettyAppHost(shared.requestThreads());
        return new AppRuntime() {
            @Override
            public AppHost host() {
                return host;
            }

            @Override
            public TelemetryExport export() {
                return shared;
            }
        };
    }

    private static Map<String, String> colorEnv() {
        return Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.2");
    }

    private static Map<String, String> frontEnv(ColorApp color) {
        return Map.of("COLOR_HOST", "127.0.0.2:" + color.port(), "PORT", "0", "BIND_ADDRESS", "127.0.0.1");
    }

    @Test
    void appsOnTheLoopAnswerAndLeaveNoThreadBehindOnceTheyAndTheirRuntimeAreClosed() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        SharedAppRuntime shared = new SharedAppRuntime();
        AppRuntime runtime = onTheLoop(shared);
        ColorApp color = ColorApp.start(colorEnv(), runtime);
        FrontApp front = FrontApp.start(frontEnv(color), runtime);
        for (int i = 0; i < 5; i++) {
            Http.Answer answer = Http.get("127.0.0.1", front.port(), "/color");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).startsWith("{\"color\":\"green\"");
        }
        assertThat(Http.get("127.0.0.2", color.port(), "/anything").body()).isEqualTo("green");
        assertThat(Http.get("127.0.0.1", front.port(), "/nowhere").status()).isEqualTo(404);
        front.close();
        color.close();
        shared.close();
        AppLoad.awaitNoThreadsBut(before, PER_JVM);
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() throws Exception {
        try (SharedAppRuntime shared = new SharedAppRuntime();
             ColorApp color = ColorApp.start(colorEnv(), onTheLoop(shared))) {
            HttpURLConnection head = (HttpURLConnection) URI.create("http://127.0.0.2:" + color.port() + "/ping")
                    .toURL().openConnection(Proxy.NO_PROXY);
            head.setRequestMethod("HEAD");
            assertThat(head.getResponseCode()).isEqualTo(200);
            assertThat(head.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void aHandlerThatThrowsAnswers500() throws Exception {
        try (SharedAppRuntime shared = new SharedAppRuntime();
             AppHost.Serving serving = new NettyAppHost(shared.requestThreads()).serve("test",
                     InetAddress.getByName("127.0.0.1"), 0, exchange -> {
                         throw new IllegalStateException("simulated");
                     })) {
            assertThat(Http.get("127.0.0.1", serving.port(), "/").status()).isEqualTo(500);
        }
    }

    @Test
    void namesTheSharedThreadAfterTheAppWhileItServesIt() throws Exception {
        String[] seen = new String[1];
        try (SharedAppRuntime shared = new SharedAppRuntime();
             AppHost.Serving serving = new NettyAppHost(shared.requestThreads()).serve("namecheck",
                     InetAddress.getByName("127.0.0.1"), 0, exchange -> {
                         seen[0] = Thread.currentThread().getName();
                         Exchanges.sendText(exchange, 200, "ok");
                     })) {
            assertThat(Http.get("127.0.0.1", serving.port(), "/").body()).isEqualTo("ok");
            assertThat(seen[0]).isEqualTo("namecheck-http-127.0.0.1:" + serving.port());
        }
    }

    @Test
    void manyConcurrentFrontToColorCallsThroughTheSharedPoolAllComplete() throws Exception {
        int clients = 64;
        int callsEach = 20;
        try (SharedAppRuntime shared = new SharedAppRuntime()) {
            AppRuntime runtime = onTheLoop(shared);
            try (ColorApp color = ColorApp.start(colorEnv(), runtime);
                 FrontApp front = FrontApp.start(frontEnv(color), runtime)) {
                assertThat(AppLoad.colorCallsAnswered(front.port(), clients, callsEach)).isEqualTo(clients * callsEach);
            }
        }
    }
}
