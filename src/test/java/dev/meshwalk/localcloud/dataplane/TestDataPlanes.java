package dev.meshwalk.localcloud.dataplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared helpers: a fast data plane and polling with a deadline. */
final class TestDataPlanes {

    /** 1/600 of real time, floor 50 ms: a 60 s health-check interval runs every 100 ms. */
    static final LocalTimings FAST = new LocalTimings(1.0 / 600, Duration.ofMillis(50));

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static DataPlane start(FakeApps apps) throws IOException {
        return DataPlane.start(DataPlaneConfig.defaults(apps.catalog()).withTimings(FAST));
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private TestDataPlanes() {
    }
}
