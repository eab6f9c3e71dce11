package dev.meshwalk.apps.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * What the tests of shared app threads do to the apps and then look for: many concurrent callers of front's
 * {@code /color}, and the threads left once everything is closed. Used by the apps' own runtime tests and by the
 * local cloud's app host tests, which must hold the same way.
 */
public final class AppLoad {

    private AppLoad() {
    }

    /**
     * {@code clients} threads each call {@code GET /color} on front {@code callsEach} times; returns how many got a
     * 200. Each front request holds a pool thread while it waits for color, which needs one too, so a pool that
     * cannot grow hangs here: the calls fail the test after 60 s instead of hanging the build.
     */
    public static int colorCallsAnswered(int frontPort, int clients, int callsEach) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    int ok = 0;
                    for (int i = 0; i < callsEach; i++) {
                        if (Http.get("127.0.0.1", frontPort, "/color").status() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                });
            }
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                int sum = 0;
                for (Future<Integer> done : callers.invokeAll(work)) {
                    sum += done.get();
                }
                return sum;
            });
        } finally {
            callers.shutdownNow();
        }
    }

    /** Fails unless, within 5 s, every live thread was there {@code before} or is one the JVM keeps by name. */
    public static void awaitNoThreadsBut(Set<Thread> before, Set<String> perJvm) throws InterruptedException {
        List<String> left = List.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive() && !before.contains(thread) && !perJvm.contains(thread.getName()))
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
