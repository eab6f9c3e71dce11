package dev.meshwalk.app;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.meshwalk.cloud.AwsTargets;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.ColorTasks;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.traffic.FrontClient;
import dev.meshwalk.traffic.TrafficLoop;
import dev.meshwalk.traffic.TrafficSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code break-it [--interval S] [--after S]}: the traffic loop against the deployed chapter, one color task stopped
 * under it through ECS's {@code StopTask}, then what failed after the stop and how long ECS took to run its desired
 * count again. The scripted form of the tutorial's {@code B} key.
 */
@Command(name = "break-it", mixinStandardHelpOptions = true,
        description = "Stop one color task (ECS StopTask) under the traffic loop and measure what fails and how fast ECS"
                + " replaces it.")
public final class BreakItCommand extends CloudCommand {

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Pause between requests (default ${DEFAULT-VALUE}).")
    double interval = 0.5;

    @Option(names = "--after", paramLabel = "SECONDS",
            description = "How long to keep sending once ECS is back to its desired count (default ${DEFAULT-VALUE}).")
    double after = 5;

    @Mixin
    ProjectOption project;

    @Override
    int run() {
        if (interval < 0 || after < 0) {
            console.problem("--interval and --after must be zero or more.");
            return 2;
        }
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.problem("No local cloud is running, so nothing is deployed to break. Run `deploy 0` first.");
            return 1;
        }
        try (CloudSession session = resolved.get().open()) {
            Optional<String> url = new Stacks(session).find(project.stackName()).flatMap(StackInfo::frontEndpoint);
            if (url.isEmpty()) {
                console.problem("The stack " + project.stackName() + " has no " + StackInfo.FRONT_ENDPOINT
                        + " output on " + session.target().describe() + ". Deploy a chapter first (`deploy 0`).");
                return 1;
            }
            return breakIt(new ColorTasks(session), AwsTargets.parseEndpoint(url.get()));
        } catch (RuntimeException e) {
            console.problem(e.getMessage());
            return 1;
        }
    }

    private int breakIt(ColorTasks tasks, URI front) {
        try (FrontClient client = new FrontClient(front, Duration.ofSeconds(5))) {
            TrafficLoop loop = new TrafficLoop(client, Duration.ofMillis((long) (interval * 1000)), 0, e -> { });
            loop.start();
            try {
                waitUntil(() -> loop.summary().requests() >= 3, Duration.ofSeconds(30));
                TrafficSummary atStop = loop.summary();
                ColorTasks.Stopped stopped = tasks.stopOne(project.stackName(), "Stopped by meshwalk: break it");
                long from = System.nanoTime();
                console.line("Stopped color task " + stopped.taskId() + " of " + stopped.service() + " after "
                        + atStop.requests() + " requests (" + atStop.failed() + " failed).");
                boolean back = waitUntil(() -> tasks.progress(stopped).back(), ColorTasks.REPLACEMENT_LIMIT);
                Duration took = Duration.ofNanos(System.nanoTime() - from);
                waitUntil(() -> false, Duration.ofMillis((long) (after * 1000)));
                TrafficSummary end = loop.summary();
                long sent = end.requests() - atStop.requests();
                long failed = end.failed() - atStop.failed();
                console.line(String.format(Locale.ROOT, "Since the stop: %d requests, %d failed (%.1f%%).", sent, failed,
                        sent == 0 ? 0.0 : 100.0 * failed / sent));
                console.line(back ? String.format(Locale.ROOT, "ECS was back to %d of %d running tasks %.1f s after the"
                        + " stop.", stopped.desired(), stopped.desired(), took.toMillis() / 1000.0)
                        : "ECS was not back to its desired count within " + ColorTasks.REPLACEMENT_LIMIT.toSeconds()
                        + " s; `aws ecs describe-services` shows its events.");
                return back ? 0 : 1;
            } finally {
                loop.close();
            }
        }
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code limit} passed; true if it held. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
