package dev.meshwalk.effects;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.ServiceGraphs;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.ParameterForm;
import dev.meshwalk.core.Action;
import dev.meshwalk.core.CheckEvidence;
import dev.meshwalk.core.Msg;
import dev.meshwalk.graph.ServiceGraph;

/**
 * The map and metrics flow: fetches the service graph (every few seconds while the map pane is open), the chapter's
 * metrics, and what the chapter's check is judged on (the core judges it, with the traffic pane's numbers). Every fetch runs on the
 * {@code actions-queries} thread, so it never waits behind a deploy; the refresh schedule is touched from the
 * caller's thread too, hence synchronized.
 */
final class MapAndMetricsEffects {

    private static final Duration MAP_REFRESH = Duration.ofSeconds(5);

    private final TargetLink target;
    private final ActionSupport support;
    private final Consumer<Msg> post;
    private final ScheduledExecutorService queries;

    private ScheduledFuture<?> mapRefresh;

    MapAndMetricsEffects(TargetLink target, ActionSupport support, Consumer<Msg> post, ScheduledExecutorService queries) {
        this.target = target;
        this.support = support;
        this.post = post;
        this.queries = queries;
    }

    /** Fetches the graph of the last {@code minutes} now and, with {@code autoRefresh}, every few seconds. */
    synchronized void fetchGraph(int minutes, boolean autoRefresh) {
        stopMapRefresh();
        if (autoRefresh) {
            mapRefresh = queries.scheduleWithFixedDelay(() -> graph(minutes), 0, MAP_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            queries.execute(() -> graph(minutes));
        }
    }

    synchronized void stopMapRefresh() {
        if (mapRefresh != null) {
            mapRefresh.cancel(false);
            mapRefresh = null;
        }
    }

    private void graph(int minutes) {
        if (target.starting()) {
            post.accept(new Msg.TargetUnavailable(Action.MAP, null));
            return;
        }
        graphNow(minutes).ifPresent(g -> post.accept(new Msg.GraphLoaded(g)));
    }

    private Optional<ServiceGraph> graphNow(int minutes) {
        Optional<CloudSession> s = target.session(Action.MAP);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceGraphs(s.get()).lastMinutes(Duration.ofMinutes(minutes)));
        } catch (RuntimeException e) {
            post.accept(new Msg.GraphFailed(Failures.message(e)));
            return Optional.empty();
        }
    }

    /**
     * On {@code actions-queries}: the parameters the learner sets for a chapter (its template's) and, when the stack
     * runs that chapter, the values it runs.
     */
    void parameters(String chapterId) {
        try {
            var settable = ParameterForm.settable(support.template(chapterId));
            Map<String, String> deployed = Map.of();
            Optional<CloudSession> s = target.starting() ? Optional.empty() : target.session(Action.DEPLOY);
            if (s.isPresent()) {
                Stacks stacks = new Stacks(s.get());
                boolean runsIt = stacks.find(support.stackName()).flatMap(StackInfo::chapter).filter(chapterId::equals)
                        .isPresent();
                deployed = runsIt ? stacks.parameters(support.stackName()) : Map.of();
            }
            post.accept(new Msg.ParametersLoaded(chapterId, settable, deployed, null));
        } catch (IOException | RuntimeException e) {
            post.accept(new Msg.ParametersLoaded(chapterId, List.of(), Map.of(), Failures.message(e)));
        }
    }

    /** On {@code actions-queries}: the chapter's metrics on the pane's grid. */
    void metrics(String chapterId) {
        Optional<CloudSession> s = target.session(Action.METRICS);
        if (s.isEmpty()) {
            return;
        }
        try {
            post.accept(new Msg.MetricsFetched(MetricsGrid.fetch(s.get(), support.stackName(), support.project(),
                    chapterId, MetricsGrid.period(s.get().target()), MetricsGrid.PANE_POINTS, Instant.now())));
        } catch (RuntimeException e) {
            post.accept(new Msg.MetricsFailed(Failures.message(e)));
        }
    }

    /**
     * On {@code actions-queries}: reads what the chapter's check is judged on (the last {@code minutes}' graph, the
     * stack's evidence); the core judges it with the traffic pane's numbers.
     */
    void verify(String chapterId, int minutes) {
        Optional<ServiceGraph> g = graphNow(minutes);
        if (g.isEmpty()) {
            post.accept(new Msg.CheckResult(chapterId, false, "the service graph could not be fetched (see the map pane)."));
            return;
        }
        CheckEvidence evidence;
        try {
            evidence = CheckEvidenceReader.read(target.session(Action.MAP).orElseThrow(), support.stackName(), chapterId);
        } catch (RuntimeException e) {
            post.accept(new Msg.CheckResult(chapterId, false, "the stack or its traces could not be read: "
                    + Failures.message(e)));
            return;
        }
        post.accept(new Msg.CheckRead(chapterId, g.get(), evidence));
    }
}
