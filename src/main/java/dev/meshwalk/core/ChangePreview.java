package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A change set as the preview the learner confirms, in the deploy pane, in line mode and in the scripted
 * {@code deploy}: one line per parameter that changes ({@code ColorWeight: 50 -> 90}), one line per resource with {@code +} add, {@code ~} modify (and whether it is replaced),
 * {@code -} remove, its type and what it is, then a count line.
 */
public final class ChangePreview {

    private ChangePreview() {
    }

    public static List<String> lines(ChangeSet changeSet) {
        List<ChangeSet.Change> changes = changeSet.changes();
        int idWidth = Math.max(10, changes.stream().mapToInt(c -> c.logicalId().length()).max().orElse(10));
        int typeWidth = Math.max(8, changes.stream().mapToInt(c -> c.type().length()).max().orElse(8));
        List<String> lines = new ArrayList<>();
        changeSet.changedParameters().forEach((name, values) -> lines.add(
                "  parameter " + name + ": " + values.get(0) + " -> " + values.get(1)));
        for (ChangeSet.Change change : changes) {
            lines.add(String.format(Locale.ROOT, "  %c %-" + idWidth + "s  %-" + typeWidth + "s  %s%s",
                    change.kind().symbol(), change.logicalId(), change.type(), change.description(),
                    replacement(change)).stripTrailing());
        }
        lines.add(String.format(Locale.ROOT, "  %d to add, %d to modify (%d replaced), %d to remove",
                changeSet.count(ChangeSet.Kind.ADD), changeSet.count(ChangeSet.Kind.MODIFY),
                changes.stream().filter(ChangeSet.Change::replaces).count(), changeSet.count(ChangeSet.Kind.REMOVE)));
        return lines;
    }

    private static String replacement(ChangeSet.Change change) {
        if (change.kind() != ChangeSet.Kind.MODIFY || change.replacement() == null) {
            return "";
        }
        return switch (change.replacement()) {
            case "True" -> " [replaced]";
            case "Conditional" -> " [may be replaced]";
            default -> " [in place]";
        };
    }
}
