package dev.meshwalk.localcloud.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded executors whose thread names say they serve the CloudFormation engine. Between deploys the engine has
 * nothing to do, so its threads end {@value #IDLE_SECONDS} s after their last task, and during one it starts only
 * as many as are busy at once: the local cloud counts its threads against a budget (issue 18).
 */
final class EngineThreads {

    static final long IDLE_SECONDS = 5;

    private EngineThreads() {
    }

    /**
     * At most {@code threads} tasks at once, the rest queued without bound, as a fixed pool of that size; but a task
     * goes to an idle thread when there is one, and a new thread starts only when every thread is busy. (A fixed
     * pool starts a thread per task until it has them all, so a deploy left the whole bound alive.)
     */
    static ExecutorService fixed(String prefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ReuseFirst(threads, factory);
    }

    /** Counts tasks not yet finished, so the queue can tell when none of the threads is free. */
    private static final class ReuseFirst extends ThreadPoolExecutor {
        private final AtomicInteger unfinished = new AtomicInteger();

        ReuseFirst(int threads, ThreadFactory factory) {
            super(0, threads, IDLE_SECONDS, TimeUnit.SECONDS, new GrowFirstQueue(), factory,
                    (task, pool) -> ((ReuseFirst) pool).queueAnyway(task));
            ((GrowFirstQueue) getQueue()).pool = this;
        }

        @Override
        public void execute(Runnable task) {
            unfinished.incrementAndGet();
            try {
                super.execute(task);
            } catch (RuntimeException rejected) {
                unfinished.decrementAndGet();
                throw rejected;
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            unfinished.decrementAndGet();
        }

        /** More unfinished tasks than threads, and room for another thread. */
        boolean needsThread() {
            int size = getPoolSize();
            return unfinished.get() > size && size < getMaximumPoolSize();
        }

        /** Every thread exists and is busy: the task waits in the queue, as in a fixed pool. */
        void queueAnyway(Runnable task) {
            if (isShutdown()) {
                throw new RejectedExecutionException("the engine's threads are stopped");
            }
            ((GrowFirstQueue) getQueue()).put(task);
            // the last thread may have timed out between the refusal and the put; then start one for the task
            if (getPoolSize() == 0 && getQueue().remove(task)) {
                super.execute(task);
            }
        }
    }

    /** Refuses a task while a new thread should take it; the pool then starts one. */
    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private volatile ReuseFirst pool;

        @Override
        public boolean offer(Runnable task) {
            return !pool.needsThread() && super.offer(task);
        }

        @Override
        public void put(Runnable task) {
            super.offer(task);
        }
    }
}
