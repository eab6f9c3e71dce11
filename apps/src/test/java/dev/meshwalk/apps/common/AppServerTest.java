package dev.meshwalk.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AppServerTest {

    @Test
    void aHandlerThatThrowsAnswers500InsteadOfLeavingTheClientWaiting() throws Exception {
        try (AppServer server = AppServer.start("test", InetAddress.getByName("127.0.0.1"), 0, exchange -> {
            throw new NoSuchMethodError("simulated linkage failure");
        })) {
            assertThat(Http.get("127.0.0.1", server.port(), "/").status()).isEqualTo(500);
        }
    }

    @Test
    void namesItsWorkerThreadsAfterTheAppAndAddress() throws Exception {
        String[] seen = new String[1];
        try (AppServer server = AppServer.start("namecheck", InetAddress.getByName("127.0.0.1"), 0, exchange -> {
            seen[0] = Thread.currentThread().getName();
            Exchanges.sendText(exchange, 200, "ok");
        })) {
            Http.get("127.0.0.1", server.port(), "/");
            assertThat(seen[0]).isEqualTo("namecheck-http-127.0.0.1:" + server.port() + "-1");
        }
    }
}
