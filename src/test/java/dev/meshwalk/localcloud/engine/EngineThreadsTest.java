package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {

    @Test
    void tasksOneAfterAnotherShareOneThread() throws Exception {
        ExecutorService pool = EngineThreads.fixed("reuse-test-", 8);
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 20; i++) {
                pool.submit(() -> names.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
                awaitIdle((ThreadPoolExecutor) pool); // the worker is done with it, not only the task's future
            }
            assertThat(names).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitIdle(ThreadPoolExecutor pool) throws InterruptedException {
        for (int i = 0; i < 500 && pool.getActiveCount() > 0; i++) {
            Thread.sleep(1);
        }
    }

    @Test
    void runsAsManyBlockedTasksAtOnceAsItsBoundAndQueuesTheRest() throws Exception {
        ExecutorService pool = EngineThreads.fixed("bound-test-", 4);
        try {
            CountDownLatch fourRunning = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);
            Set<String> names = ConcurrentHashMap.newKeySet();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tasks.add(pool.submit(() -> {
                    names.add(Thread.currentThread().getName());
                    fourRunning.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return null;
                }));
            }
            // four tasks that wait for each other's release only finish if all four run at once
            assertThat(fourRunning.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<?> task : tasks) {
                task.get(10, TimeUnit.SECONDS);
            }
            assertThat(names).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }
}
