package dev.meshwalk.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.MetricSeries;
import dev.meshwalk.cloud.Metrics;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metrics}: the deployed chapter's CloudWatch numbers as sparklines with min, max and last value: ALB
 * requests, response time and 2xx; Envoy requests and 2xx/5xx per virtual node once the mesh is in.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Show the deployed chapter's CloudWatch metrics as sparklines.")
public final class MetricsCommand extends CloudCommand {

    @Option(names = "--minutes", paramLabel = "N", description = "Time window (default ${DEFAULT-VALUE}).")
    int minutes = 15;

    @Option(names = "--period", paramLabel = "SECONDS",
            description = "Seconds per point (default: 10 on the local cloud, 60 on AWS).")
    Integer period;

    @Mixin
    ProjectOption project;

    @Override
    int run() {
        if (minutes <= 0 || (period != null && period <= 0)) {
            console.problem("--minutes and --period must be more than zero.");
            return 2;
        }
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.problem("No local cloud is running, so there are no metrics. Run `deploy 0` and `traffic` first.");
            return 1;
        }
        try (CloudSession session = resolved.get().open()) {
            Optional<StackInfo> stack = new Stacks(session).find(project.stackName());
            if (stack.isEmpty()) {
                console.problem("The stack " + project.stackName() + " does not exist on " + session.target().describe()
                        + ". Run `deploy 0` first.");
                return 1;
            }
            String chapter = stack.get().chapter().orElse("");
            boolean mesh = chapter.startsWith("2") || chapter.startsWith("3");
            Duration step = Duration.ofSeconds(period != null ? period
                    : session.target().kind() == CloudTarget.Kind.AWS ? 60 : 10);
            List<MetricSeries> series = new Metrics(session).forChapter(project.stackName(), project.project(), mesh,
                    Duration.ofMinutes(minutes), step);
            console.line("Metrics of chapter " + (chapter.isEmpty() ? "?" : chapter) + ", last " + minutes + " min, one point per "
                    + step.toSeconds() + " s:");
            if (series.isEmpty()) {
                console.line("  (no metrics yet: run `traffic` and try again in a minute)");
                return 0;
            }
            int labelWidth = Math.min(60, series.stream().mapToInt(s -> s.label().length()).max().orElse(20));
            int width = (int) Math.min(60, Math.max(10, Duration.ofMinutes(minutes).toSeconds() / step.toSeconds()));
            for (MetricSeries s : series) {
                String label = s.label().length() > labelWidth ? s.label().substring(0, labelWidth - 1) + "~" : s.label();
                if (s.values().isEmpty()) {
                    console.line(String.format(Locale.ROOT, "  %-" + labelWidth + "s  (no data)", label));
                    continue;
                }
                console.line(String.format(Locale.ROOT, "  %-" + labelWidth + "s  %-" + width + "s  min %s max %s last %s",
                        label, Sparkline.render(s.values(), width, console.unicode), num(s.min(), s.seconds()),
                        num(s.max(), s.seconds()), num(s.last(), s.seconds())));
            }
            return 0;
        }
    }

    /** A value as the learner reads it: durations (CloudWatch gives seconds) in milliseconds. */
    private static String num(OptionalDouble v, boolean seconds) {
        if (v.isEmpty()) {
            return "-";
        }
        if (seconds) {
            return String.format(Locale.ROOT, "%.1f ms", v.getAsDouble() * 1000);
        }
        double d = v.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
