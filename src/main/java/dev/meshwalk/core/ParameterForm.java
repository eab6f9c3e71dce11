package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.meshwalk.content.StackParameters.Parameter;

/**
 * The deploy pane's parameters view: each parameter the learner may set for the chapter's stack (its default,
 * description, the value the stack runs and the value the next deploy sends), the row under the cursor, the value
 * being typed, and the last message (a refused value). The values themselves live in {@link Course} (saved with
 * progress); this holds only the view. Pure, changed by {@link ParameterKeys}.
 *
 * @param chapterId the chapter whose stack the parameters are for
 * @param fields    the parameters the learner sets, in the template's order
 * @param deployed  the values the stack runs now when it runs this chapter (else empty)
 * @param cursor    the row selected
 * @param editing   the value being typed, or null when not editing
 * @param fresh     the edit has just begun: the value shown is the old one, and the first character typed replaces
 *                  it (as a selected field does), so "enter, 90, enter" sets 90 rather than appending to 50
 * @param message   a message under the rows (a refused value and why), or null
 */
public record ParameterForm(String chapterId, List<Parameter> fields, Map<String, String> deployed, int cursor,
        String editing, boolean fresh, String message) {

    public ParameterForm {
        fields = List.copyOf(fields);
        deployed = Map.copyOf(deployed);
        cursor = fields.isEmpty() ? 0 : Math.max(0, Math.min(fields.size() - 1, cursor));
    }

    /** The parameters of a template the learner sets ({@link Parameter#tunable}), in its order. */
    public static List<Parameter> settable(String templateBody) {
        return dev.meshwalk.content.StackParameters.of(templateBody).all().stream().filter(Parameter::tunable).toList();
    }

    Parameter selected() {
        return fields.isEmpty() ? null : fields.get(cursor);
    }

    ParameterForm moved(int by) {
        return new ParameterForm(chapterId, fields, deployed, cursor + by, null, false, null);
    }

    /** The value being typed is {@code text} (null: not editing), typed by the learner. */
    ParameterForm editing(String text, String msg) {
        return new ParameterForm(chapterId, fields, deployed, cursor, text, false, msg);
    }

    /** An edit begins on the current value, which the first character typed replaces. */
    ParameterForm startEditing(String current) {
        return new ParameterForm(chapterId, fields, deployed, cursor, current, true, null);
    }

    /** The value the next deploy sends: the learner's, else the template's default. */
    static String next(Parameter p, Map<String, String> set) {
        return set.getOrDefault(p.name(), p.defaultValue() == null ? "" : p.defaultValue());
    }

    /** The view's lines: one block per parameter, the cursor's marked, then the message and what the keys do. */
    List<String> lines(Map<String, String> set, boolean unicode) {
        List<String> lines = new ArrayList<>();
        lines.add("Stack parameters of chapter " + chapterId + " (saved for its later deploys until changed):");
        lines.add("");
        if (fields.isEmpty()) {
            lines.add("This chapter's stack has no parameters to set.");
        }
        for (int i = 0; i < fields.size(); i++) {
            Parameter p = fields.get(i);
            boolean here = i == cursor;
            String value = here && editing != null ? editing + (unicode ? "▏" : "_") : next(p, set);
            String mark = here ? (unicode ? "▸ " : "> ") : "  ";
            String now = deployed.containsKey(p.name()) ? "   deployed " + deployed.get(p.name()) : "";
            lines.add(mark + p.name() + " = " + value + "   (default " + p.defaultValue() + ")" + now);
            // the default is on the line above; this one says what is allowed, then what it is for
            lines.add("    " + (p.limits().isEmpty() ? "" : "(" + p.limits() + ")  ") + p.description());
        }
        lines.add("");
        if (message != null) {
            lines.add(message);
        }
        lines.add(editing != null ? (fresh ? "Typing replaces the value (backspace edits it); enter keeps it, esc leaves"
                + " it as it was." : "Type the value, enter keeps it, esc leaves it as it was.")
                : "enter edit   u default   d deploy with these values (the preview shows the difference)   esc close");
        return lines;
    }
}
