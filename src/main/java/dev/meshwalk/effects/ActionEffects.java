package dev.meshwalk.effects;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Msg;

/**
 * Runs the action effects, each in its flow's class, on the thread that flow needs, and owns those threads:
 * <ul>
 * <li>{@code actions-cloud} (one, bounded queue) runs the stack operations in order: connecting
 * ({@link TargetLink}), planning and deploying ({@link DeployEffects}), waiting for a busy stack
 * ({@link BusyStackEffects}), tearing down ({@link TeardownEffects}).</li>
 * <li>{@code actions-queries} (one, scheduled) runs what must not wait behind a deploy: the traffic loop's control
 * and samples ({@link TrafficEffects}, confined to this thread), the map, metrics and checks
 * ({@link MapAndMetricsEffects}), cancelling a running update.</li>
 * </ul>
 * The flows share no mutable field; what "runs" for the quit question is {@link RunningWork}'s, which is
 * synchronized. {@link #close} stops the traffic loop, the threads, then the target (the embedded local cloud).
 */
public final class ActionEffects implements AutoCloseable {

    private final Consumer<Msg> post;
    private final ExecutorService cloudOps;
    private final ScheduledExecutorService queries;
    private final TargetLink target;
    private final DeployEffects deploy;
    private final BusyStackEffects busyStack;
    private final TrafficEffects traffic;
    private final MapAndMetricsEffects mapAndMetrics;
    private final TeardownEffects teardown;

    public ActionEffects(TargetConnector connector, ActionSupport support, Consumer<Msg> post) {
        this.post = post;
        this.cloudOps = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16),
                r -> named(r, "actions-cloud"));
        ScheduledThreadPoolExecutor q = new ScheduledThreadPoolExecutor(1, r -> named(r, "actions-queries"));
        q.setRemoveOnCancelPolicy(true);
        this.queries = q;
        RunningWork running = new RunningWork(post);
        this.target = new TargetLink(connector, post);
        this.deploy = new DeployEffects(target, support, post, running);
        this.busyStack = new BusyStackEffects(target, support, post, queries);
        this.traffic = new TrafficEffects(target, support, post, queries, running);
        this.mapAndMetrics = new MapAndMetricsEffects(target, support, post, queries, traffic::summary);
        this.teardown = new TeardownEffects(target, support, post, running, () -> queries.execute(traffic::stop));
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Handles the action effects; returns false for effects that are not ours. Never blocks. */
    public boolean run(Effect effect) {
        try {
            if (effect instanceof Effect.ConnectTarget) {
                if (target.claim()) {
                    cloudOps.execute(target::connect);
                }
            } else if (effect instanceof Effect.PlanDeploy p) {
                cloudOps.execute(() -> deploy.plan(p.order()));
            } else if (effect instanceof Effect.AcceptCosts a) {
                cloudOps.execute(() -> deploy.acceptCosts(a.order()));
            } else if (effect instanceof Effect.ExecuteDeploy e) {
                cloudOps.execute(() -> deploy.execute(e.order(), e.changeSet()));
            } else if (effect instanceof Effect.DiscardChangeSet d) {
                cloudOps.execute(() -> deploy.discard(d.order(), d.changeSet()));
            } else if (effect instanceof Effect.RecreateStack r) {
                cloudOps.execute(() -> deploy.recreate(r.order()));
            } else if (effect instanceof Effect.AnswerBusyStack b) {
                cloudOps.execute(() -> busyStack.answer(b.choice(), b.order()));
            } else if (effect instanceof Effect.CancelDeploy) {
                queries.execute(busyStack::cancelRunning);
            } else if (effect instanceof Effect.ToggleTraffic) {
                queries.execute(traffic::toggle);
            } else if (effect instanceof Effect.TrafficInterval t) {
                queries.execute(() -> traffic.adjustInterval(t.faster()));
            } else if (effect instanceof Effect.ClearColors) {
                queries.execute(traffic::clearColors);
            } else if (effect instanceof Effect.FetchGraph g) {
                mapAndMetrics.fetchGraph(g.minutes(), g.autoRefresh());
            } else if (effect instanceof Effect.StopGraphRefresh) {
                mapAndMetrics.stopMapRefresh();
            } else if (effect instanceof Effect.FetchMetrics m) {
                queries.execute(() -> mapAndMetrics.metrics(m.chapterId()));
            } else if (effect instanceof Effect.Verify v) {
                queries.execute(() -> mapAndMetrics.verify(v.chapterId()));
            } else if (effect instanceof Effect.TeardownInventory) {
                cloudOps.execute(teardown::inventory);
            } else if (effect instanceof Effect.DeletePicked d) {
                cloudOps.execute(() -> teardown.deletePicked(d.picked()));
            } else {
                return false;
            }
        } catch (RejectedExecutionException e) {
            post.accept(new Msg.EffectsBusy());
        }
        return true;
    }

    /** Stops the traffic loop and the threads, then the target (the embedded local cloud goes with it). */
    @Override
    public void close() {
        try {
            queries.submit(traffic::stop).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway.
        }
        queries.shutdownNow();
        cloudOps.shutdownNow();
        try {
            queries.awaitTermination(5, TimeUnit.SECONDS);
            cloudOps.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.close();
    }
}
