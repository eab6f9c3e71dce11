package dev.meshwalk.localcloud.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded executors whose thread names say they serve the CloudFormation engine. A deploy starts up to the bound at
 * once; between deploys the engine has nothing to do, so its threads end {@value #IDLE_SECONDS} s after the last
 * task (the local cloud counts its threads against a budget, issue 18).
 */
final class EngineThreads {

    static final long IDLE_SECONDS = 5;

    private EngineThreads() {
    }

    static ExecutorService fixed(String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
