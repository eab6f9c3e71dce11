package dev.meshwalk.effects;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.cloud.ServiceGraphs;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.cloud.Teardown;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.ActionPane;
import dev.meshwalk.core.Effect;
import dev.meshwalk.core.Handlers;
import dev.meshwalk.core.MetricsBoard;
import dev.meshwalk.core.Msg;
import dev.meshwalk.core.Status;
import dev.meshwalk.core.TeardownItem;
import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.traffic.FrontClient;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficLoop;
import dev.meshwalk.traffic.TrafficSummary;

/**
 * Runs the action effects (target, deploy, traffic, map, metrics, teardown, checks) and posts Msgs back.
 *
 * <p>Threads: {@code actions-cloud} (one, bounded queue) runs the long stack operations in order: connecting,
 * planning, deploying, tearing down. {@code actions-queries} (one, scheduled) runs the short reads that must not
 * wait behind a deploy: the map and its auto refresh, metrics, checks, the traffic pane's refresh, cancelling a
 * deploy. The traffic loop has its own thread (see {@link TrafficLoop}). {@link #close} stops all of them, then
 * the target (the embedded local cloud).
 */
public final class ActionEffects implements AutoCloseable {

    private static final Duration MAP_REFRESH = Duration.ofSeconds(5);
    private static final Duration TRAFFIC_REFRESH = Duration.ofMillis(500);

    private final TargetConnector connector;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final boolean unicode;
    private final ExecutorService cloudOps;
    private final ScheduledExecutorService queries;
    private final Handlers<Effect, Consumer<Effect>> handlers;
    private final CompletableFuture<TargetConnector.Connection> connection = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean connectStarted = new java.util.concurrent.atomic.AtomicBoolean();

    // Touched only on actions-cloud (plan/execute) or guarded by this.
    private Deployment pendingDeployment;
    private DeployPlan.Ready pendingPlan;
    private volatile Deployment runningDeployment;
    private String recreateChapter;
    private String costChapter;
    private List<String> costLines = List.of();
    private Deployment busyDeployment;
    private String busyChapter;

    private TrafficLoop traffic;
    private FrontClient front;
    /** Which loop's answers the pane wants: an answer of a loop already replaced (cleared, stopped) is dropped. */
    private volatile long trafficGeneration;
    private ScheduledFuture<?> trafficRefresh;
    private ScheduledFuture<?> mapRefresh;
    private boolean deploying;
    private boolean tearingDown;
    private boolean lastRunning;

    public ActionEffects(TargetConnector connector, ActionSupport support, Consumer<Msg> post, boolean unicode) {
        this.connector = connector;
        this.support = support;
        this.post = post;
        this.unicode = unicode;
        this.cloudOps = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16),
                r -> named(r, "actions-cloud"));
        ScheduledThreadPoolExecutor q = new ScheduledThreadPoolExecutor(1, r -> named(r, "actions-queries"));
        q.setRemoveOnCancelPolicy(true);
        this.queries = q;
        this.handlers = handlers();
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The action effects this runner handles; TutorialEffects hands it exactly these. */
    public java.util.Set<Class<?>> kinds() {
        return handlers.kinds();
    }

    /** Runs one of {@link #kinds()} (anything else fails loudly). Never blocks. */
    public void run(Effect effect) {
        try {
            handlers.of(effect).accept(effect);
        } catch (RejectedExecutionException e) {
            post.accept(new Msg.Notice("Busy: too much queued, or shutting down; try again in a moment."));
        }
    }

    private Handlers<Effect, Consumer<Effect>> handlers() {
        Handlers.Builder<Effect, Consumer<Effect>> table = Handlers.builder("effect");
        on(table, Effect.ConnectTarget.class, e -> {
            if (connectStarted.compareAndSet(false, true)) {
                cloudOps.execute(this::connect);
            }
        });
        on(table, Effect.PlanDeploy.class, p -> cloudOps.execute(() -> plan(p.chapterId())));
        on(table, Effect.Answer.class, this::answer);
        on(table, Effect.ToggleTraffic.class, e -> queries.execute(this::toggleTraffic));
        on(table, Effect.TrafficInterval.class, t -> queries.execute(() -> adjustInterval(t.faster())));
        on(table, Effect.ClearColors.class, e -> queries.execute(this::clearColors));
        on(table, Effect.FetchGraph.class, g -> fetchGraph(g.minutes(), g.autoRefresh()));
        on(table, Effect.StopGraphRefresh.class, e -> stopMapRefresh());
        on(table, Effect.FetchMetrics.class, m -> queries.execute(() -> metrics(m.chapterId())));
        on(table, Effect.TeardownInventory.class, e -> cloudOps.execute(this::inventory));
        on(table, Effect.DeletePicked.class, d -> cloudOps.execute(() -> deletePicked(d.picked())));
        on(table, Effect.AnswerBusyStack.class, b -> cloudOps.execute(() -> answerBusy(b.choice())));
        on(table, Effect.Verify.class, v -> queries.execute(() -> verify(v.chapterId())));
        return table.build();
    }

    /** Registers a handler typed by its effect's kind. */
    static <E extends Effect> void on(Handlers.Builder<Effect, Consumer<Effect>> table, Class<E> kind,
            Consumer<E> handler) {
        table.on(kind, effect -> handler.accept(kind.cast(effect)));
    }

    // ---- target -------------------------------------------------------------------------------------------

    private void connect() {
        connectStarted.set(true);
        try {
            TargetConnector.Connection c = connector.connect(what -> post.accept(new Msg.Starting(what)));
            if (!connection.complete(c)) {
                // Closed while it was starting: stop it at once, nothing may outlive the tutorial.
                stopQuietly(c);
                return;
            }
            post.accept(new Msg.TargetResolved(c.target()));
            post.accept(new Msg.Starting(null));
        } catch (CloudSetupException e) {
            connection.completeExceptionally(e);
            post.accept(new Msg.Starting(null));
            post.accept(new Msg.Notice(oneLine(e.explain())));
        } catch (RuntimeException e) {
            connection.completeExceptionally(e);
            post.accept(new Msg.Starting(null));
            post.accept(new Msg.Notice("Could not open the target: " + e.getMessage() + " (details in the log file)"));
        }
    }

    /** The session, or empty after posting a notice saying why there is none. */
    private Optional<CloudSession> session(Action pane) {
        if (connectStarted.compareAndSet(false, true)) {
            connect(); // line mode connects on first use, so reading chapters never starts a cloud
        }
        try {
            return Optional.of(connection.get(10, TimeUnit.MINUTES).session());
        } catch (java.util.concurrent.ExecutionException e) {
            String why = e.getCause() instanceof CloudSetupException c ? oneLine(c.explain()) : String.valueOf(e.getCause().getMessage());
            pane(pane, Status.FAILED, List.of("The target is not available: " + why));
        } catch (java.util.concurrent.TimeoutException e) {
            pane(pane, Status.FAILED, List.of("The target is still starting; try again in a moment."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        return text.replace(System.lineSeparator(), " ").replace('\n', ' ');
    }

    // ---- deploy -------------------------------------------------------------------------------------------

    private void plan(String chapterId) {
        Optional<CloudSession> s = session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        planning(chapterId, () -> {
            List<String> awsLines = List.of();
            if (support.awsSteps(s.get())) {
                AwsDeployChecks.Outcome awsChecks = AwsDeployChecks.before(s.get(), chapterId, support.stackName());
                if (awsChecks.stop()) {
                    pane(Action.DEPLOY, Status.FAILED, awsChecks.lines());
                    return;
                }
                awsLines = awsChecks.lines();
                if (!support.costNoticeAccepted(s.get())) {
                    costChapter = chapterId;
                    costLines = awsLines;
                    List<String> lines = new ArrayList<>(awsLines);
                    lines.add("Nothing has been created on the account yet. Accepting is remembered for this account"
                            + " and region.");
                    post.accept(new Msg.ActionPaneChanged(new ActionPane(Action.DEPLOY, Status.WARNING, lines,
                            ActionPane.Question.ACCEPT_COSTS)));
                    return;
                }
            }
            prepare(s.get(), chapterId, awsLines);
        });
    }

    /** The cost question's answer: go on to the images and the change set, or stop with nothing created. */
    private void acceptCosts(boolean yes) {
        String chapterId = costChapter;
        List<String> awsLines = costLines;
        costChapter = null;
        if (chapterId == null) {
            return;
        }
        if (!yes) {
            pane(Action.DEPLOY, Status.INFO, List.of("Stopped: nothing was created on AWS.",
                    "Press d to see the estimate again, or start the tutorial without --aws to use the local cloud."));
            return;
        }
        Optional<CloudSession> s = session(Action.DEPLOY);
        if (s.isEmpty()) {
            return;
        }
        support.rememberCostNotice(s.get());
        planning(chapterId, () -> prepare(s.get(), chapterId, awsLines));
    }

    /** A step of planning that may fail on the cloud's side or reading the template; a failure ends in the pane. */
    private interface PlanningStep {
        void run() throws java.io.IOException;
    }

    private void planning(String chapterId, PlanningStep step) {
        try {
            step.run();
        } catch (RuntimeException | java.io.IOException e) {
            pane(Action.DEPLOY, Status.FAILED, List.of("Could not plan chapter " + chapterId + ": " + message(e)));
        }
    }

    /**
     * The images (on AWS), then the stack's condition, then the change set and its preview with the question.
     * {@code awsLines} (preflight, estimate) stay above the preview so the learner sees what they accepted.
     */
    private void prepare(CloudSession session, String chapterId, List<String> awsLines) throws java.io.IOException {
        DeployImageStep.Result images = DeployImageStep.run(support, session, awsLines,
                lines -> pane(Action.DEPLOY, Status.IN_PROGRESS, lines));
        if (images.failed()) {
            pane(Action.DEPLOY, Status.FAILED, images.lines());
            return;
        }
        DeployRequest request = new DeployRequest(support.stackName(), chapterId, support.template(chapterId),
                images.parameters(support.parameters()));
        Deployment deployment = new Deployment(session, request);
        Optional<StackInfo> current = deployment.currentStack();
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.BUSY) {
            askAboutBusyStack(deployment, current.get());
            return;
        }
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.FAILED_CREATE) {
            recreateChapter = chapterId;
            pendingDeployment = deployment;
            post.accept(new Msg.ActionPaneChanged(new ActionPane(Action.DEPLOY, Status.WARNING, List.of(
                    "The stack " + support.stackName() + " is in ROLLBACK_COMPLETE: its first creation failed"
                            + current.get().statusReason().map(r -> " (" + r + ")").orElse("") + ".",
                    "CloudFormation only allows deleting such a stack; after that it can be created again."),
                    ActionPane.Question.RECREATE_STACK)));
            return;
        }
        DeployPlan plan = deployment.plan();
        if (plan instanceof DeployPlan.NoChanges) {
            List<String> lines = new ArrayList<>();
            lines.add(Status.OK.symbol(unicode) + " No changes: chapter " + chapterId + " is already deployed.");
            deployment.currentStack().flatMap(StackInfo::frontEndpoint).ifPresent(u -> lines.add("  FrontEndpoint = " + u));
            pane(Action.DEPLOY, Status.OK, lines);
            post.accept(new Msg.DeployFinished(chapterId, true));
            return;
        }
        DeployPlan.Ready ready = (DeployPlan.Ready) plan;
        pendingDeployment = deployment;
        pendingPlan = ready;
        List<String> lines = new ArrayList<>();
        lines.add((ready.create() ? "Creating" : "Updating") + " stack " + support.stackName() + " for chapter "
                + chapterId + ": " + ready.changes().size() + " changes");
        lines.add("");
        lines.addAll(awsLines);
        lines.addAll(images.lines());
        lines.addAll(support.preview(ready));
        post.accept(new Msg.ActionPaneChanged(new ActionPane(Action.DEPLOY, Status.INFO, lines,
                ActionPane.Question.DEPLOY_CHANGES)));
    }

    private void answer(Effect.Answer a) {
        switch (a.question()) {
            case DEPLOY_CHANGES:
                cloudOps.execute(() -> {
                    if (a.yes()) {
                        execute();
                    } else {
                        discard();
                    }
                });
                break;
            case RECREATE_STACK:
                cloudOps.execute(() -> recreate(a.yes()));
                break;
            case ACCEPT_COSTS:
                cloudOps.execute(() -> acceptCosts(a.yes()));
                break;
            case CANCEL_DEPLOY:
                if (a.yes()) {
                    queries.execute(this::cancelDeploy);
                }
                break;
            case TEARDOWN:
                if (!a.yes()) {
                    pane(Action.TEARDOWN, Status.INFO, List.of("Kept everything. Press x to see the list again."));
                }
                break;
            default:
                break;
        }
    }

    private void execute() {
        Deployment deployment = pendingDeployment;
        DeployPlan.Ready plan = pendingPlan;
        pendingPlan = null;
        if (deployment == null || plan == null) {
            return;
        }
        String chapterId = deployment.request().chapterId();
        runningDeployment = deployment;
        setRunning(() -> deploying = true);
        post.accept(new Msg.DeployStarted(Action.DEPLOY, "Chapter " + chapterId + " -> " + support.stackName()));
        try {
            DeployOutcome outcome = deployment.execute(plan, event -> PaneMessages.of(Action.DEPLOY, event).ifPresent(post));
            post.accept(PaneMessages.ended(Action.DEPLOY, outcome));
            if (outcome.success()) {
                post.accept(new Msg.PaneConcluded(Action.DEPLOY, Status.OK,
                        List.of("Next: start the traffic loop (t), then look at the map (m).")));
            } else {
                post.accept(new Msg.PaneConcluded(Action.DEPLOY, Status.FAILED, List.of("Deploying chapter " + chapterId
                        + " failed (" + outcome.finalStatus() + "); the reasons are above. Fix them and press d to deploy again.")));
            }
            post.accept(new Msg.DeployFinished(chapterId, outcome.success()));
        } catch (RuntimeException e) {
            pane(Action.DEPLOY, Status.FAILED, List.of("The deploy stopped: " + message(e),
                    "Press d to see where the stack is and try again."));
        } finally {
            runningDeployment = null;
            setRunning(() -> deploying = false);
        }
    }

    private void discard() {
        Deployment deployment = pendingDeployment;
        DeployPlan.Ready plan = pendingPlan;
        pendingPlan = null;
        if (deployment == null || plan == null) {
            return;
        }
        try {
            deployment.discard(plan);
            pane(Action.DEPLOY, Status.INFO, List.of("Cancelled: nothing was changed (the change set was deleted).",
                    "Press d to plan again."));
        } catch (RuntimeException e) {
            pane(Action.DEPLOY, Status.WARNING, List.of("Cancelled, but the change set could not be deleted: " + message(e)));
        }
    }

    private void recreate(boolean yes) {
        Deployment deployment = pendingDeployment;
        String chapterId = recreateChapter;
        recreateChapter = null;
        if (!yes || deployment == null || chapterId == null) {
            pane(Action.DEPLOY, Status.WARNING, List.of("The failed stack was left as it is. Use teardown (x) to remove it,"
                    + " or press d again."));
            return;
        }
        post.accept(new Msg.DeployStarted(Action.DEPLOY, "Deleting the failed stack " + support.stackName()));
        setRunning(() -> deploying = true);
        try {
            DeployOutcome removed = deployment.deleteStack(event -> PaneMessages.of(Action.DEPLOY, event).ifPresent(post));
            if (!removed.success()) {
                post.accept(PaneMessages.ended(Action.DEPLOY, removed));
                post.accept(new Msg.PaneConcluded(Action.DEPLOY, Status.FAILED, List.of(
                        "The failed stack could not be deleted; the reasons are above. Use teardown (x), or press d again.")));
                return;
            }
        } catch (RuntimeException e) {
            pane(Action.DEPLOY, Status.FAILED, List.of("Deleting the failed stack stopped: " + message(e)));
            return;
        } finally {
            setRunning(() -> deploying = false);
        }
        plan(chapterId);
    }

    /**
     * Another operation runs on the stack: ask whether to wait for it, cancel it (only an update can be cancelled)
     * or leave it, instead of blocking the deploy pane without a word.
     */
    private void askAboutBusyStack(Deployment deployment, StackInfo stack) {
        busyDeployment = deployment;
        busyChapter = deployment.request().chapterId();
        boolean cancellable = stack.status().equals("UPDATE_IN_PROGRESS");
        List<String> lines = new ArrayList<>();
        lines.add(Status.WARNING.symbol(unicode) + " The stack " + stack.name() + " is busy (" + stack.status()
                + "): another operation is running on it, so chapter " + busyChapter + " cannot be planned yet.");
        lines.add("");
        // Worded for both front-ends: the question below the lines names the keys or the commands.
        lines.add("Wait: follow its status until it finishes, then plan chapter " + busyChapter + ".");
        if (cancellable) {
            lines.add("Cancel: CloudFormation rolls that update back to what the stack was before; the chapter is"
                    + " planned once the rollback is done.");
        } else {
            lines.add("Cancelling is not possible: CloudFormation can only cancel an update (UPDATE_IN_PROGRESS);"
                    + " a stack in " + stack.status() + " has to run to its end.");
        }
        lines.add("Leave it: nothing changes; deploy again later.");
        post.accept(new Msg.ActionPaneChanged(new ActionPane(Action.DEPLOY, Status.WARNING, lines,
                cancellable ? ActionPane.Question.STACK_BUSY : ActionPane.Question.STACK_BUSY_NO_CANCEL)));
    }

    private void answerBusy(Effect.BusyChoice choice) {
        Deployment deployment = busyDeployment;
        String chapterId = busyChapter;
        busyDeployment = null;
        busyChapter = null;
        if (deployment == null || chapterId == null) {
            return;
        }
        if (choice == Effect.BusyChoice.LEAVE) {
            String now = currentStatus(deployment);
            pane(Action.DEPLOY, Status.INFO, List.of("Left the stack " + support.stackName() + " alone (" + now + ").",
                    "Press d to plan chapter " + chapterId + " once it has settled."));
            return;
        }
        String said = null;
        if (choice == Effect.BusyChoice.CANCEL) {
            try {
                said = deployment.cancelUpdate();
            } catch (RuntimeException e) {
                said = "Could not cancel: " + message(e);
            }
        }
        if (waitForBusyStack(deployment, chapterId, said)) {
            plan(chapterId);
        }
    }

    private String currentStatus(Deployment deployment) {
        try {
            return deployment.currentStack().map(StackInfo::status).orElse("gone");
        } catch (RuntimeException e) {
            return "status unknown: " + message(e);
        }
    }

    /**
     * Waits for the stack to settle with a live pane: the status it is in, the time waited (ticking every second
     * on the queries thread) and each status it passed through. Esc or Ctrl-C meanwhile asks, as during a deploy,
     * whether to cancel the update. Returns whether it settled (false: the pane says why it stopped).
     */
    private boolean waitForBusyStack(Deployment deployment, String chapterId, String cancelAnswer) {
        long start = System.nanoTime();
        Supplier<Duration> waited = () -> Duration.ofNanos(System.nanoTime() - start);
        String status = currentStatus(deployment);
        post.accept(new Msg.StackWaitStarted(support.stackName(), chapterId, status, PaneMessages.phaseOf(status), cancelAnswer));
        ScheduledFuture<?> ticker;
        try {
            ticker = queries.scheduleWithFixedDelay(() -> post.accept(new Msg.StackWaitTicked(waited.get())), 1, 1,
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return false; // shutting down: nobody is left to show the wait to
        }
        runningDeployment = deployment;
        Duration limit = currentTargetIsAws() ? Duration.ofMinutes(60) : Duration.ofMinutes(10);
        try {
            Optional<StackInfo> settled = deployment.waitUntilSettled(event -> {
                if (event instanceof DeployEvent.StackStatusChanged c) {
                    post.accept(new Msg.StackWaitChanged(c.status(), PaneMessages.phaseOf(c.status()), waited.get()));
                }
            }, limit);
            String now = settled.map(StackInfo::status).orElse("gone");
            post.accept(new Msg.StackWaitSettled(now, PaneMessages.phaseOf(now), waited.get()));
            return true;
        } catch (RuntimeException e) {
            pane(Action.DEPLOY, Status.FAILED, List.of("Stopped waiting for the stack: " + message(e),
                    "Press d to try again."));
            return false;
        } finally {
            // A tick that still arrives finds the board settled or replaced, and the core drops it.
            ticker.cancel(false);
            runningDeployment = null;
        }
    }

    private boolean currentTargetIsAws() {
        return connection.isDone() && !connection.isCompletedExceptionally()
                && connection.join().session().target().kind() == CloudTarget.Kind.AWS;
    }

    private void cancelDeploy() {
        Deployment d = runningDeployment;
        if (d == null) {
            return;
        }
        try {
            post.accept(new Msg.Notice(d.cancelUpdate()));
        } catch (RuntimeException e) {
            post.accept(new Msg.Notice("Could not cancel: " + message(e)));
        }
    }

    // ---- traffic ------------------------------------------------------------------------------------------

    private void toggleTraffic() {
        if (traffic != null) {
            stopTraffic();
            refreshTraffic();
            return;
        }
        Optional<CloudSession> s = session(Action.TRAFFIC);
        if (s.isEmpty()) {
            return;
        }
        try {
            Optional<StackInfo> stack = new Stacks(s.get()).find(support.stackName());
            Optional<String> url = stack.flatMap(StackInfo::frontEndpoint);
            if (url.isEmpty()) {
                pane(Action.TRAFFIC, Status.WARNING, List.of(stack.isEmpty()
                        ? "Nothing is deployed yet: deploy a chapter first (open it and press d)."
                        : "The stack " + support.stackName() + " (" + stack.get().status() + ") has no FrontEndpoint yet;"
                                + " wait for the deploy to finish."));
                return;
            }
            URI endpoint = URI.create(url.get());
            front = new FrontClient(endpoint, Duration.ofSeconds(5));
            traffic = startLoop(front, Duration.ofMillis(500));
            trafficRefresh = queries.scheduleWithFixedDelay(this::refreshTraffic, 0, TRAFFIC_REFRESH.toMillis(),
                    TimeUnit.MILLISECONDS);
            setRunning(() -> { });
        } catch (RuntimeException e) {
            stopTraffic();
            pane(Action.TRAFFIC, Status.FAILED, List.of("Could not start the traffic loop: " + message(e)));
        }
    }

    /** Starts a loop on a fresh board: the pane's counts and answers start from zero. */
    private TrafficLoop startLoop(FrontClient client, Duration interval) {
        long generation = ++trafficGeneration;
        post.accept(new Msg.TrafficStarted(client.endpoint().toString(), interval));
        TrafficLoop loop = new TrafficLoop(client, interval, 0, e -> answered(generation, e));
        loop.start();
        return loop;
    }

    private void answered(long generation, TrafficEvent e) {
        if (generation == trafficGeneration) {
            post.accept(new Msg.TrafficAnswered(PaneMessages.answer(e)));
        }
    }

    private void refreshTraffic() {
        TrafficLoop loop = traffic;
        if (loop != null) {
            post.accept(new Msg.TrafficSampled(PaneMessages.sample(loop.summary(), loop.interval(), true)));
        }
    }

    private void stopTraffic() {
        if (trafficRefresh != null) {
            trafficRefresh.cancel(false);
            trafficRefresh = null;
        }
        TrafficLoop loop = traffic;
        traffic = null;
        if (loop != null) {
            loop.close();
            trafficGeneration++; // its last answers, if any are still on their way, belong to a stopped loop
            TrafficSummary last = loop.summary();
            post.accept(new Msg.TrafficSampled(PaneMessages.sample(last, loop.interval(), false)));
            lastSummary = last;
        }
        if (front != null) {
            front.close();
        }
        setRunning(() -> { });
    }

    private TrafficSummary lastSummary;

    private void adjustInterval(boolean faster) {
        TrafficLoop loop = traffic;
        if (loop == null) {
            return;
        }
        long ms = loop.interval().toMillis();
        long next = faster ? Math.max(100, ms / 2) : Math.min(5000, ms * 2);
        loop.setInterval(Duration.ofMillis(next));
        refreshTraffic();
    }

    /** Clears front's history and starts our own count afresh, so both shares describe the same recent answers. */
    private void clearColors() {
        FrontClient client = front;
        TrafficLoop loop = traffic;
        if (client == null || loop == null) {
            post.accept(new Msg.Notice("Start the traffic loop first (t): clearing needs the front endpoint."));
            return;
        }
        try {
            String answer = client.clear();
            Duration interval = loop.interval();
            loop.close();
            traffic = startLoop(client, interval);
            post.accept(new Msg.Notice("Front's history and our counts were cleared (" + answer.strip() + ")."));
            refreshTraffic();
        } catch (java.io.IOException | RuntimeException e) {
            post.accept(new Msg.Notice("Could not clear front's history: " + message(e)));
        }
    }

    // ---- map ----------------------------------------------------------------------------------------------

    private synchronized void fetchGraph(int minutes, boolean autoRefresh) {
        stopMapRefresh();
        if (autoRefresh) {
            mapRefresh = queries.scheduleWithFixedDelay(() -> graph(minutes), 0, MAP_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            queries.execute(() -> graph(minutes));
        }
    }

    private synchronized void stopMapRefresh() {
        if (mapRefresh != null) {
            mapRefresh.cancel(false);
            mapRefresh = null;
        }
    }

    private void graph(int minutes) {
        if (connectStarted.get() && !connection.isDone()) {
            post.accept(new Msg.GraphFailed("The target is still starting; the map follows in a few seconds."));
            return;
        }
        Optional<ServiceGraph> g = fetchGraphNow(minutes);
        g.ifPresent(graph -> post.accept(new Msg.GraphLoaded(graph)));
    }

    private Optional<ServiceGraph> fetchGraphNow(int minutes) {
        Optional<CloudSession> s = session(Action.MAP);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceGraphs(s.get()).lastMinutes(Duration.ofMinutes(minutes)));
        } catch (RuntimeException e) {
            post.accept(new Msg.GraphFailed(message(e)));
            return Optional.empty();
        }
    }

    // ---- metrics ------------------------------------------------------------------------------------------

    private void metrics(String chapterId) {
        pane(Action.METRICS, Status.IN_PROGRESS, List.of("Fetching the chapter's metrics ..."));
        Optional<CloudSession> s = session(Action.METRICS);
        if (s.isEmpty()) {
            return;
        }
        try {
            MetricsBoard board = MetricsGrid.fetch(s.get(), support.stackName(), support.project(), chapterId,
                    MetricsGrid.period(s.get().target()), MetricsGrid.PANE_POINTS, Instant.now());
            List<String> advice = board.rows().isEmpty()
                    ? List.of("Deploy the chapter (d) and run traffic (t) for a minute or two, then press c.")
                    : List.of("", "c refreshes.");
            post.accept(new Msg.ActionPaneChanged(new ActionPane(Action.METRICS,
                    board.rows().isEmpty() ? Status.INFO : Status.OK, advice, ActionPane.Question.NONE, board)));
        } catch (RuntimeException e) {
            pane(Action.METRICS, Status.FAILED, List.of("Could not fetch the metrics: " + message(e)));
        }
    }

    // ---- teardown -----------------------------------------------------------------------------------------

    private void inventory() {
        Optional<CloudSession> s = session(Action.TEARDOWN);
        if (s.isEmpty()) {
            return;
        }
        try {
            Teardown t = new Teardown(s.get(), support.stackName());
            List<TeardownItem> items = t.inventory().stream()
                    .map(r -> new TeardownItem(r.kind().label(), r.name(), r.state(), true)).toList();
            List<String> notes = new ArrayList<>(t.leftAlone()); // other projects' stacks: seen, not touched
            notes.addAll(t.warnings());
            post.accept(new Msg.TeardownListed(items, notes));
        } catch (RuntimeException e) {
            pane(Action.TEARDOWN, Status.FAILED, List.of("Could not list what the tutorial created: " + message(e)));
        }
    }

    /**
     * Deletes exactly the learner's picks, with progress, then verifies: every picked item gone, and what was kept
     * listed as kept. {@link Teardown#remove} refuses anything that is not the tutorial's.
     */
    private void deletePicked(List<TeardownItem> picked) {
        if (picked.isEmpty()) {
            pane(Action.TEARDOWN, Status.INFO, List.of("Nothing was picked, so nothing was deleted.",
                    "Press x to see the list again."));
            return;
        }
        List<OwnedResource> chosen = new ArrayList<>();
        for (TeardownItem item : picked) {
            Optional<OwnedResource.Kind> kind = TeardownItems.kindOf(item);
            if (kind.isEmpty()) {
                pane(Action.TEARDOWN, Status.FAILED, List.of("Not deleting anything: \"" + item.kind()
                        + "\" is not something teardown knows how to remove. Press x to list again."));
                return;
            }
            chosen.add(new OwnedResource(kind.get(), item.name(), item.state()));
        }
        Optional<CloudSession> s = session(Action.TEARDOWN);
        if (s.isEmpty()) {
            return;
        }
        boolean stackPicked = chosen.stream().anyMatch(r -> r.kind() == OwnedResource.Kind.STACK);
        if (stackPicked && traffic != null) {
            queries.execute(this::stopTraffic); // nothing left to send traffic to
        }
        setRunning(() -> tearingDown = true);
        String title = "Teardown of " + (chosen.size() == 1 ? chosen.get(0).name() : chosen.size() + " picked items");
        List<String> notices = new ArrayList<>();
        if (stackPicked) {
            post.accept(new Msg.DeployStarted(Action.TEARDOWN, title));
        } else {
            pane(Action.TEARDOWN, Status.IN_PROGRESS, List.of(title)); // dashboards only: no stack operation to chart
        }
        try {
            Teardown t = new Teardown(s.get(), support.stackName());
            List<DeployOutcome> outcomes = t.remove(chosen, event -> {
                if (stackPicked) {
                    PaneMessages.of(Action.TEARDOWN, event).ifPresent(post);
                } else if (event instanceof DeployEvent.Notice n) {
                    notices.add("  " + n.message());
                }
            });
            PaneMessages.ended(Action.TEARDOWN, outcomes).ifPresent(post);
            List<String> lines = new ArrayList<>();
            if (!stackPicked) {
                lines.add(title);
                lines.addAll(notices);
            }
            lines.add("");
            boolean ok = outcomes.stream().allMatch(DeployOutcome::success);
            TeardownItems.Verdict verdict = TeardownItems.verify(chosen, t.leftovers());
            t.warnings().forEach(w -> lines.add(Status.WARNING.symbol(unicode) + " " + w)); // parts not checked
            lines.addAll(verdict.lines(unicode));
            post.accept(new Msg.PaneConcluded(Action.TEARDOWN, ok && verdict.pickedGone() ? Status.OK : Status.FAILED, lines));
        } catch (RuntimeException e) {
            pane(Action.TEARDOWN, Status.FAILED, List.of("Teardown stopped: " + message(e), "Press x to see what is left."));
        } finally {
            setRunning(() -> tearingDown = false);
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------

    private void verify(String chapterId) {
        Optional<ServiceGraph> g = fetchGraphNow(5);
        if (g.isEmpty()) {
            post.accept(new Msg.CheckResult(chapterId, false, "the service graph could not be fetched (see the map pane)."));
            return;
        }
        TrafficLoop loop = traffic;
        Optional<TrafficSummary> summary = loop != null ? Optional.of(loop.summary()) : Optional.ofNullable(lastSummary);
        ChapterChecks.Verdict v = ChapterChecks.judge(chapterId, g.get(), summary);
        post.accept(new Msg.CheckResult(chapterId, v.passed(), v.explanation()));
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private void pane(Action action, Status status, List<String> lines) {
        post.accept(new Msg.ActionPaneChanged(new ActionPane(action, status, lines)));
    }

    /** Applies a change to what runs and tells the core when "something runs" flipped (quit then asks). */
    private synchronized void setRunning(Runnable change) {
        change.run();
        boolean now = deploying || tearingDown || traffic != null;
        if (now != lastRunning) {
            lastRunning = now;
            post.accept(new Msg.RunningChanged(now));
        }
    }

    private static String message(Exception e) {
        if (e instanceof CloudSetupException c) {
            return oneLine(c.explain());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Stops the traffic loop and the executors, then the target (the embedded local cloud goes with it). */
    @Override
    public void close() {
        try {
            queries.submit(this::stopTraffic).get(5, TimeUnit.SECONDS);
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
        connection.cancel(false);
        if (connection.isDone() && !connection.isCompletedExceptionally()) {
            stopQuietly(connection.join());
        }
    }

    private static void stopQuietly(TargetConnector.Connection c) {
        try {
            c.session().close();
            c.stop().close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ActionEffects.class).warn("stopping the target failed", e);
        }
    }
}
