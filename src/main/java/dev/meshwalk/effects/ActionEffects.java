package dev.meshwalk.effects;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Handlers;
import dev.meshwalk.core.Msg;

/**
 * Runs the action effects, each in its flow's class, on the thread that flow needs, and owns those threads:
 * <ul>
 * <li>{@code actions-cloud} (one, bounded queue) runs the stack operations in order: connecting
 * ({@link TargetLink}), planning and deploying ({@link DeployEffects}), waiting for a busy stack
 * ({@link BusyStackEffects}), tearing down ({@link TeardownEffects}).</li>
 * <li>{@code actions-queries} (one, scheduled) runs what must not wait behind a deploy: the traffic loop's control
 * and samples ({@link TrafficEffects}, confined to this thread), the map, metrics and checks
 * ({@link MapAndMetricsEffects}), break it ({@link BreakItEffects}), cancelling a running update.</li>
 * </ul>
 * The flows share no mutable field; what "runs" for the quit question is {@link RunningWork}'s, which is
 * synchronized. {@link #close} stops the traffic loop, the threads, then the target (the shared local cloud keeps running).
 */
public final class ActionEffects implements AutoCloseable {

    private final Consumer<Msg> post;
    private final ExecutorService cloudOps;
    private final ScheduledExecutorService queries;
    private final TargetLink target;
    private final DeployEffects deploy;
    private final BusyStackEffects busyStack;
    private final TrafficEffects traffic;
    private final BreakItEffects breakIt;
    private final MapAndMetricsEffects mapAndMetrics;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActionEffects.class);
    private final TeardownEffects teardown;
    private final Handlers<Effect, Consumer<Effect>> handlers;

    public ActionEffects(TargetConnector connector, ActionSupport support, Consumer<Msg> post) {
        this.post = post;
        this.cloudOps = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16),
                r -> named(r, "actions-cloud", post));
        ScheduledThreadPoolExecutor q = new ScheduledThreadPoolExecutor(1, r -> named(r, "actions-queries", post));
        q.setRemoveOnCancelPolicy(true);
        this.queries = q;
        RunningWork running = new RunningWork(post);
        this.target = new TargetLink(connector, post, session -> queries.execute(() -> checkDeployed(session, support)));
        this.deploy = new DeployEffects(target, support, post, running);
        this.busyStack = new BusyStackEffects(target, support, post, queries);
        this.traffic = new TrafficEffects(target, support, post, queries, running);
        this.breakIt = new BreakItEffects(target, support, post, queries);
        this.mapAndMetrics = new MapAndMetricsEffects(target, support, post, queries);
        this.teardown = new TeardownEffects(target, support, post, running, () -> queries.execute(traffic::stop),
                session -> checkDeployed(session, support));
        this.handlers = handlers();
    }

    /** Tells the core which chapter's stack the target holds, so the marks say the truth (in the background). */
    private void checkDeployed(CloudSession session, ActionSupport support) {
        try {
            post.accept(new Msg.DeployedOnTarget(new Stacks(session).find(support.stackName())
                    .filter(s -> s.condition() == StackInfo.Condition.READY || s.condition() == StackInfo.Condition.BUSY)
                    .flatMap(StackInfo::chapter)));
        } catch (RuntimeException e) {
            LOG.info("could not check which chapter is deployed: {}", e.toString()); // the marks stay as saved
        }
    }

    /**
     * A flow's thread. What a flow does not catch (a bug, an Error) would otherwise print a stack trace over the
     * full screen and leave its pane waiting: it goes to the log instead, and the status bar says so.
     */
    private static Thread named(Runnable r, String name, Consumer<Msg> post) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> {
            LOG.error("unexpected failure on {}", thread.getName(), e);
            post.accept(new Msg.Notice("Something went wrong (" + e + "); the log has the details. Try the action"
                    + " again, or quit (q) and start the tutorial again."));
        });
        return t;
    }

    /** The action effects this runner handles; TutorialEffects hands it exactly these. */
    public Set<Class<?>> kinds() {
        return handlers.kinds();
    }

    /** Runs one of {@link #kinds()} (anything else fails loudly). Never blocks. */
    public void run(Effect effect) {
        try {
            handlers.of(effect).accept(effect);
        } catch (RejectedExecutionException e) {
            post.accept(new Msg.EffectsBusy());
        }
    }

    /** Which flow runs each effect, and on which thread. */
    private Handlers<Effect, Consumer<Effect>> handlers() {
        Handlers.Builder<Effect, Consumer<Effect>> table = Handlers.builder("effect");
        on(table, Effect.ConnectTarget.class, e -> {
            if (target.claim()) {
                cloudOps.execute(target::connect);
            }
        });
        on(table, Effect.PlanDeploy.class, p -> cloudOps.execute(() -> deploy.plan(p.order())));
        on(table, Effect.AcceptCosts.class, a -> cloudOps.execute(() -> deploy.acceptCosts(a.order())));
        on(table, Effect.ExecuteDeploy.class, e -> cloudOps.execute(() -> deploy.execute(e.order(), e.changeSet())));
        on(table, Effect.DiscardChangeSet.class, d -> cloudOps.execute(() -> deploy.discard(d.order(), d.changeSet())));
        on(table, Effect.RecreateStack.class, r -> cloudOps.execute(() -> deploy.recreate(r.order())));
        on(table, Effect.AnswerBusyStack.class, b -> cloudOps.execute(() -> busyStack.answer(b.choice(), b.order())));
        on(table, Effect.CancelDeploy.class, e -> queries.execute(busyStack::cancelRunning));
        on(table, Effect.ToggleTraffic.class, e -> queries.execute(traffic::toggle));
        on(table, Effect.TrafficInterval.class, t -> queries.execute(() -> traffic.adjustInterval(t.faster())));
        on(table, Effect.ClearColors.class, e -> queries.execute(traffic::clearColors));
        on(table, Effect.StopColorTask.class, e -> queries.execute(breakIt::stopOne));
        on(table, Effect.FetchGraph.class, g -> mapAndMetrics.fetchGraph(g.minutes(), g.autoRefresh()));
        on(table, Effect.StopGraphRefresh.class, e -> mapAndMetrics.stopMapRefresh());
        on(table, Effect.FetchMetrics.class, m -> queries.execute(() -> mapAndMetrics.metrics(m.chapterId())));
        on(table, Effect.LoadParameters.class, l -> queries.execute(() -> mapAndMetrics.parameters(l.chapterId())));
        on(table, Effect.Verify.class, v -> queries.execute(() -> mapAndMetrics.verify(v.chapterId(), v.graphMinutes())));
        on(table, Effect.TeardownInventory.class, e -> cloudOps.execute(teardown::inventory));
        on(table, Effect.DeletePicked.class, d -> cloudOps.execute(() -> teardown.deletePicked(d.picked())));
        return table.build();
    }

    /** Registers a handler typed by its effect's kind. */
    static <E extends Effect> void on(Handlers.Builder<Effect, Consumer<Effect>> table, Class<E> kind,
            Consumer<E> handler) {
        table.on(kind, effect -> handler.accept(kind.cast(effect)));
    }

    /** Stops the traffic loop and the threads, then the target (the shared local cloud keeps running). */
    @Override
    public void close() {
        try {
            queries.submit(() -> {
                breakIt.cancel();
                traffic.stop();
            }).get(5, TimeUnit.SECONDS);
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
