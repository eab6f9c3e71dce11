package dev.meshwalk.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.meshwalk.cloud.DeployEvent;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.ResourceTypes;
import dev.meshwalk.cloud.StackStatuses;
import dev.meshwalk.facts.EcsDeployment;
import dev.meshwalk.core.EcsDeploymentText;
import dev.meshwalk.core.EcsDeploymentTrack;

/**
 * Prints a stack operation's events as lines: one per resource state change with symbol, elapsed time and the
 * {@code done/total} count, the reason inline for failures, the lines of an ECS deployment the operation waits on as
 * they appear (the deploy pane's words), and a final summary that repeats every failure.
 */
final class DeployProgressPrinter implements Consumer<DeployEvent> {

    private final Console console;
    /** The ECS deployments followed, and their lines already printed (each is printed once, as it appears). */
    private final Map<String, EcsDeploymentTrack> deployments = new HashMap<>();
    private final Set<String> printedDeploymentLines = new HashSet<>();

    DeployProgressPrinter(Console console) {
        this.console = console;
    }

    @Override
    public void accept(DeployEvent event) {
        if (event instanceof DeployEvent.Notice n) {
            console.line(n.message());
        } else if (event instanceof DeployEvent.StackStatusChanged s) {
            console.line(String.format(Locale.ROOT, "%7s  %s stack %s %s%s",
                    Console.seconds(s.elapsed()), console.symbol(StackStatuses.phase(s.status())), s.stackName(),
                    s.status(), s.reason().map(r -> " (" + r + ")").orElse("")));
        } else if (event instanceof DeployEvent.ServiceDeploymentChanged d) {
            EcsDeployment fact = d.deployment();
            EcsDeploymentTrack track = deployments.merge(fact.service(), EcsDeploymentTrack.first(fact, d.elapsed()),
                    (old, first) -> old.with(fact, d.elapsed()));
            EcsDeploymentText.lines(track, console.unicode).stream()
                    .filter(line -> printedDeploymentLines.add(fact.service() + "\n" + line)).forEach(console::line);
        } else if (event instanceof DeployEvent.ResourceStatusChanged r) {
            console.line(String.format(Locale.ROOT,
                    "%7s  %s %-28s %-34s %-20s [%d/%d]%s", Console.seconds(r.elapsed()), console.symbol(r.phase()),
                    r.logicalId(), ResourceTypes.shortName(r.resourceType()), r.status(), r.done(), r.total(),
                    r.phase() == StackStatuses.Phase.FAILED ? r.reason().map(x -> "  " + x).orElse("") : ""));
        }
    }

    /** The closing lines: status, time, counts, failures again, outputs. */
    static List<String> summary(DeployOutcome outcome, Console console) {
        List<String> lines = new ArrayList<>();
        StackStatuses.Phase phase = outcome.success() ? StackStatuses.Phase.DONE : StackStatuses.Phase.FAILED;
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<StackStatuses.Phase, Integer> e : outcome.resourceCounts().entrySet()) {
            if (counts.length() > 0) {
                counts.append(", ");
            }
            counts.append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        lines.add(String.format(Locale.ROOT, "%s %s %s in %s%s", console.symbol(phase), outcome.stackName(),
                outcome.finalStatus(), Console.seconds(outcome.elapsed()),
                counts.length() == 0 ? "" : " (resources: " + counts + ")"));
        if (!outcome.failures().isEmpty()) {
            lines.add("Failures:");
            for (DeployOutcome.ResourceFailure f : outcome.failures()) {
                lines.add("  " + f.logicalId() + " (" + ResourceTypes.shortName(f.resourceType()) + ") " + f.status()
                        + ": " + f.reason());
            }
        }
        if (!outcome.outputs().isEmpty()) {
            lines.add("Outputs:");
            outcome.outputs().forEach((k, v) -> lines.add("  " + k + " = " + v));
        }
        return lines;
    }
}
