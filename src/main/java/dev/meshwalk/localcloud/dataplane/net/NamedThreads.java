package dev.meshwalk.localcloud.dataplane.net;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factory whose threads say what they serve (a thread dump reads like the architecture). Its threads inherit
 * no thread-locals: a pool thread created while a container starts must not carry that container's output mark
 * ({@code logs.ConsoleRouting}) into the work it later does for every task.
 */
public final class NamedThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(null, task, prefix + "-" + counter.incrementAndGet(), 0, false);
        thread.setDaemon(true);
        return thread;
    }
}
