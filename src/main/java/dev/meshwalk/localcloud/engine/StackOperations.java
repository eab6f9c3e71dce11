package dev.meshwalk.localcloud.engine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stack operations one per stack: a caller claims the stack ({@link #claim}), the operation runs on the
 * bounded operation pool, and the caller waits for it at most {@code syncWait} (CloudFormation answers at once;
 * here a quick operation is done by the time the answer leaves, a slow one goes on and DescribeStacks shows it).
 * An operation that dies of an unexpected error leaves its stack in the matching failed status. The engine owns
 * (and shuts down) the pool.
 */
final class StackOperations {

    private static final Logger LOG = LoggerFactory.getLogger(StackOperations.class);

    private final ExecutorService operations;
    private final Duration syncWait;

    StackOperations(ExecutorService operations, Duration syncWait) {
        this.operations = operations;
        this.syncWait = syncWait;
    }

    /** Refuses, as CloudFormation does, a stack that is busy or in a status that cannot be updated. */
    static void checkUpdatable(Stack stack) {
        StackStatus status = stack.status();
        if (stack.isBusy() || !status.isUpdatable()) {
            throw CfnException.validation("Stack:" + stack.id() + " is in " + status + " state and can not be updated.");
        }
    }

    /** Claims the stack for one operation, or refuses with the stack's status ({@code verb}: "updated", "deleted"). */
    static void claim(Stack stack, String verb) {
        if (!stack.tryBegin()) {
            throw CfnException.validation("Stack:" + stack.id() + " is in " + stack.status()
                    + " state and can not be " + verb + ".");
        }
    }

    /** Runs an operation on a stack already claimed, releasing the claim when it ends; waits up to syncWait. */
    void runAndWait(Stack stack, Runnable op) {
        await(operations.submit(() -> {
            try {
                op.run();
            } catch (RuntimeException e) {
                LOG.error("operation on stack {} failed unexpectedly", stack.name(), e);
                StackEvents.stack(stack, stack.status().afterInternalFailure(), "Internal failure: " + e.getMessage());
            } finally {
                stack.end();
            }
        }));
    }

    private void await(Future<?> f) {
        try {
            f.get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // answered anyway; the operation continues and DescribeStacks shows it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("stack operation failed", e.getCause());
        }
    }
}
