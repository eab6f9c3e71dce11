package dev.meshwalk.app;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.AwsTargets;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.traffic.ErrorKind;
import dev.meshwalk.traffic.FrontClient;
import dev.meshwalk.traffic.TrafficEvent;
import dev.meshwalk.traffic.TrafficLoop;
import dev.meshwalk.core.ShareTimeline;
import dev.meshwalk.core.ShareTimelineText;
import dev.meshwalk.traffic.TrafficSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code traffic [--count N] [--interval S] [--endpoint URL]}: the seed's curl loop against the front endpoint,
 * one line per answer, then the split per color (observed and front's own), rate, latency and errors.
 */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Send requests to the front service's /color, like the walkthrough's curl loop.")
public final class TrafficCommand extends CloudCommand {

    @Option(names = "--count", paramLabel = "N", description = "Requests to send (default ${DEFAULT-VALUE}; 0 = until Ctrl-C).")
    long count = 20;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Pause between requests (default ${DEFAULT-VALUE}).")
    double interval = 0.5;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Front endpoint (default: the stack's FrontEndpoint output).")
    String endpoint;

    @Option(names = "--clear", description = "Clear front's history (/color/clear) before starting.")
    boolean clear;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    double timeout = 5;

    /** The shares over time, printed with the summary (written on the loop's thread). */
    private final java.util.concurrent.atomic.AtomicReference<ShareTimeline> timeline =
            new java.util.concurrent.atomic.AtomicReference<>(ShareTimeline.empty());

    @Mixin
    ProjectOption project;

    @Override
    int run() {
        if (count < 0 || interval < 0 || timeout <= 0) {
            console.problem("--count and --interval must be zero or more, --timeout more than zero.");
            return 2;
        }
        Optional<URI> front = endpoint != null ? Optional.of(AwsTargets.parseEndpoint(endpoint)) : stackEndpoint();
        if (front.isEmpty()) {
            return 1;
        }
        try (FrontClient client = new FrontClient(front.get(), Duration.ofMillis((long) (timeout * 1000)))) {
            if (clear) {
                try {
                    console.line("Cleared front's history: " + client.clear());
                } catch (IOException e) {
                    console.problem("Could not clear front's history: " + e.getMessage());
                }
            }
            console.line("Sending " + (count == 0 ? "requests until Ctrl-C" : count + " requests") + " to "
                    + front.get() + "/color every " + interval + " s ...");
            TrafficLoop loop = new TrafficLoop(client, Duration.ofMillis((long) (interval * 1000)), count, this::print);
            Thread hook = new Thread(() -> summarize(loop.summary()), "meshwalk-traffic-interrupted");
            Runtime.getRuntime().addShutdownHook(hook);
            loop.start();
            try {
                while (!loop.awaitFinished(Duration.ofSeconds(1))) {
                    // Bounded by --count; with 0 it runs until Ctrl-C, when the hook prints the summary.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                loop.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return 130;
            }
            TrafficSummary summary = loop.summary();
            summarize(summary);
            return summary.requests() > 0 && summary.succeeded() == 0 ? 1 : 0;
        }
    }

    private Optional<URI> stackEndpoint() {
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.problem("No local cloud is running, so nothing is deployed to send traffic to. Run `deploy 0` first"
                    + " (or pass --endpoint URL).");
            return Optional.empty();
        }
        try (CloudSession session = resolved.get().open()) {
            Optional<StackInfo> stack = new Stacks(session).find(project.stackName());
            if (stack.isEmpty()) {
                console.problem("The stack " + project.stackName() + " does not exist on " + session.target().describe()
                        + ". Run `deploy 0` first (or pass --endpoint URL).");
                return Optional.empty();
            }
            Optional<String> url = stack.get().frontEndpoint();
            if (url.isEmpty()) {
                console.problem("The stack " + project.stackName() + " (" + stack.get().status() + ") has no "
                        + StackInfo.FRONT_ENDPOINT + " output yet. Wait for the deploy to finish (see `status`).");
                return Optional.empty();
            }
            return Optional.of(AwsTargets.parseEndpoint(url.get()));
        }
    }

    private void print(TrafficEvent e) {
        timeline.updateAndGet(t -> t.with(e.ok() ? e.color() : Optional.empty()));
        String ms = e.latency().toMillis() + " ms";
        if (e.ok()) {
            console.line(String.format(Locale.ROOT, "%5d  %d  %-8s %7s", e.sequence(), e.status().orElse(0),
                    e.color().orElse("?"), ms));
        } else {
            ErrorKind kind = e.error().orElseThrow();
            console.line(String.format(Locale.ROOT, "%5d  %s  %-8s %7s  %s", e.sequence(),
                    e.status().isPresent() ? Integer.toString(e.status().getAsInt()) : "---", kind.label(), ms, e.detail()));
        }
    }

    private void summarize(TrafficSummary s) {
        console.line(String.format(Locale.ROOT, "%d requests: %d answered, %d failed; %.1f req/s; latency p50 %d ms, p95 %d ms",
                s.requests(), s.succeeded(), s.failed(), s.requestsPerSecond(), s.p50().toMillis(), s.p95().toMillis()));
        if (!s.colorCounts().isEmpty()) {
            console.line("Colors we saw:");
            for (Map.Entry<String, Long> c : s.colorCounts().entrySet()) {
                double share = s.observedShare().getOrDefault(c.getKey(), 0.0);
                console.line(String.format(Locale.ROOT, "  %-8s %s %3.0f%%  (%d)", c.getKey(),
                        BoardText.bar(share, 20, console.unicode), share * 100, c.getValue()));
            }
        }
        if (!s.appShare().isEmpty()) {
            StringBuilder line = new StringBuilder("Front's own stats (one front task's last 1000 answers; each task keeps its own):");
            s.appShare().forEach((color, share) -> line.append(String.format(Locale.ROOT, " %s %.0f%%", color, share * 100)));
            console.line(line.toString());
        }
        ShareTimelineText.lines(timeline.get(), Duration.ofMillis((long) (interval * 1000)), console.unicode)
                .forEach(console::line);
        if (!s.errors().isEmpty()) {
            console.line("Errors:");
            s.errors().forEach((kind, n) -> console.line(String.format(Locale.ROOT, "  %-10s %4d  %s", kind.label(), n,
                    kind.explanation())));
        }
    }
}
