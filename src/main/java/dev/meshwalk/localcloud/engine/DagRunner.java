package dev.meshwalk.localcloud.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs one action per graph node, each as soon as everything it depends on is done, independent nodes in
 * parallel on a bounded executor. After the first failure (or a cancel request) nothing new starts; what is
 * already running finishes, so the caller can roll back from a known state.
 */
final class DagRunner {

    /** The work for one node; a thrown exception's message is the failure reason. */
    interface Action {
        void run(String node) throws Exception;
    }

    /** What happened: nodes that finished, and the first failures with their reasons. */
    record Result(Set<String> done, Map<String, String> failed, boolean cancelled) {
        boolean ok() {
            return failed.isEmpty() && !cancelled;
        }
    }

    private final ExecutorService workers;

    DagRunner(ExecutorService workers) {
        this.workers = workers;
    }

    Result run(List<String> nodes, Map<String, Set<String>> dependsOn, Action action, BooleanSupplier cancel) {
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        for (String n : nodes) {
            Set<String> d = new LinkedHashSet<>(dependsOn.getOrDefault(n, Set.of()));
            d.retainAll(nodes);
            waiting.put(n, d);
        }
        ExecutorCompletionService<String> completion = new ExecutorCompletionService<>(workers);
        Map<Future<String>, String> running = new HashMap<>();
        Set<String> done = new LinkedHashSet<>();
        Map<String, String> failed = new LinkedHashMap<>();
        boolean cancelled = false;
        while (true) {
            if (failed.isEmpty() && !cancelled) {
                for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (done.containsAll(e.getValue())) {
                        String node = e.getKey();
                        it.remove();
                        running.put(completion.submit(() -> {
                            action.run(node);
                            return node;
                        }), node);
                    }
                }
            }
            if (running.isEmpty()) {
                break;
            }
            try {
                Future<String> f = completion.take();
                String node = running.remove(f);
                try {
                    f.get();
                    done.add(node);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failed.put(node, cause.getMessage() == null ? cause.toString() : cause.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                running.keySet().forEach(f -> f.cancel(true));
                break;
            }
            if (cancel.getAsBoolean()) {
                cancelled = true;
            }
        }
        return new Result(done, failed, cancelled);
    }
}
