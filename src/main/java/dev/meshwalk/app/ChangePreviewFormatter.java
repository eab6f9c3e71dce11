package dev.meshwalk.app;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.PlannedChange;
import dev.meshwalk.cloud.ResourceTypes;

/**
 * Renders a change set as the preview the learner confirms: one line per resource with {@code +} add,
 * {@code ~} modify (and whether it is replaced), {@code -} remove, its type and what it is, then a count line.
 */
final class ChangePreviewFormatter {

    private ChangePreviewFormatter() {
    }

    static List<String> lines(DeployPlan.Ready plan) {
        int idWidth = Math.max(10, plan.changes().stream().mapToInt(c -> c.logicalId().length()).max().orElse(10));
        int typeWidth = Math.max(8, plan.changes().stream()
                .mapToInt(c -> ResourceTypes.shortName(c.type()).length()).max().orElse(8));
        List<String> lines = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            String replace = change.action() == PlannedChange.Action.MODIFY
                    ? change.replacement().map(r -> switch (r) {
                        case "True" -> " [replaced]";
                        case "Conditional" -> " [may be replaced]";
                        default -> " [in place]";
                    }).orElse("")
                    : "";
            lines.add(String.format("  %c %-" + idWidth + "s  %-" + typeWidth + "s  %s%s",
                    change.action().symbol(), change.logicalId(), ResourceTypes.shortName(change.type()),
                    change.description(), replace).stripTrailing());
        }
        lines.add(String.format("  %d to add, %d to modify (%d replaced), %d to remove",
                plan.count(PlannedChange.Action.ADD), plan.count(PlannedChange.Action.MODIFY),
                plan.changes().stream().filter(PlannedChange::replaces).count(),
                plan.count(PlannedChange.Action.REMOVE)));
        return lines;
    }
}
