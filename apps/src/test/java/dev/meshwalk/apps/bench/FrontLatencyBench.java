package dev.meshwalk.apps.bench;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.front.FrontApp;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * Latency of front's {@code GET /color} over loopback (client -> front -> color), sequential keep-alive
 * calls after a warm-up; prints median and p99. Not a unit test (no "Test" suffix): run by hand, see
 * docs/benchmarks/apps.md. With {@code -Dsun.net.httpserver.nodelay=false} it shows what the
 * JDK server's Nagle/delayed-ACK interaction costs.
 */
public final class FrontLatencyBench {
    private FrontLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (ColorApp color = ColorApp.start(Map.of("COLOR", "green", "PORT", "0", "BIND_ADDRESS", "127.0.0.1"));
             FrontApp front = FrontApp.start(Map.of("COLOR_HOST", "127.0.0.1:" + color.port(), "PORT", "0",
                     "BIND_ADDRESS", "127.0.0.1"))) {
            URI uri = URI.create("http://127.0.0.1:" + front.port() + "/color");
            for (int i = 0; i < calls / 4; i++) {
                call(uri);
            }
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                call(uri);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("calls=%d nodelay=%s median=%.2f ms p99=%.2f ms%n", calls,
                    System.getProperty("sun.net.httpserver.nodelay"),
                    nanos[calls / 2] / 1e6, nanos[(int) (calls * 0.99)] / 1e6);
        }
    }

    private static void call(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("front answered " + connection.getResponseCode());
        }
        connection.getInputStream().readAllBytes();
        connection.getInputStream().close();
    }
}
