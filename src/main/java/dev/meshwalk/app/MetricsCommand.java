package dev.meshwalk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.BoardText;
import dev.meshwalk.core.MetricsBoard;
import dev.meshwalk.effects.MetricsGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metrics}: the deployed chapter's CloudWatch numbers as the metrics pane shows them (the same board, drawn
 * by {@link BoardText#metrics}): ALB requests, response time and 2xx; Envoy requests and 2xx/5xx per virtual node
 * once the mesh is in. By default the pane's grid (24 points); {@code --minutes}/{@code --period} choose another,
 * up to {@link #MAX_POINTS} points so a row still fits a wide terminal line.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Show the deployed chapter's CloudWatch metrics as sparklines.")
public final class MetricsCommand extends CloudCommand {

    static final int MAX_POINTS = 60;

    @Option(names = "--minutes", paramLabel = "N",
            description = "Time window (default: 24 points, 4 min on the local cloud, 24 min on AWS).")
    Integer minutes;

    @Option(names = "--period", paramLabel = "SECONDS",
            description = "Seconds per point (default: 10 on the local cloud, 60 on AWS).")
    Integer period;

    @Mixin
    ProjectOption project;

    @Override
    int run() {
        if ((minutes != null && minutes <= 0) || (period != null && period <= 0)) {
            console.problem("--minutes and --period must be more than zero.");
            return 2;
        }
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.problem("No local cloud is running, so there are no metrics. Run `deploy 0` and `traffic` first.");
            return 1;
        }
        try (CloudSession session = resolved.get().open()) {
            Duration step = period != null ? Duration.ofSeconds(period) : MetricsGrid.period(session.target());
            int points = minutes == null ? MetricsGrid.PANE_POINTS
                    : (int) Math.max(1, ceilDiv(Duration.ofMinutes(minutes).toSeconds(), step.toSeconds()));
            if (points > MAX_POINTS) {
                long fitting = ceilDiv(Duration.ofMinutes(minutes).toSeconds(), MAX_POINTS);
                console.problem(minutes + " min at a point per " + step.toSeconds() + " s is " + points
                        + " points; at most " + MAX_POINTS + " fit a line. Use --period " + fitting + " or more, or fewer --minutes.");
                return 2;
            }
            Optional<StackInfo> stack = new Stacks(session).find(project.stackName());
            if (stack.isEmpty()) {
                console.problem("The stack " + project.stackName() + " does not exist on " + session.target().describe()
                        + ". Run `deploy 0` first.");
                return 1;
            }
            String chapter = stack.get().chapter().orElse("?");
            MetricsBoard board = MetricsGrid.fetch(session, project.stackName(), project.project(), chapter, step, points,
                    Instant.now());
            BoardText.metrics(board, console.unicode).forEach(console::line);
            if (board.rows().isEmpty()) {
                console.line("Run `traffic` for a minute or two and try again.");
            }
            return 0;
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
