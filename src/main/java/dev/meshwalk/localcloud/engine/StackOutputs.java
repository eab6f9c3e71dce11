package dev.meshwalk.localcloud.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves a template's Outputs section (Conditions honoured) to the text DescribeStacks shows. */
final class StackOutputs {

    private StackOutputs() {
    }

    static List<Stack.Output> resolve(StackContext ctx) {
        List<Stack.Output> out = new ArrayList<>();
        for (var e : ctx.template().outputs().entrySet()) {
            String where = "Outputs." + e.getKey();
            Map<String, Object> o = TemplateParser.asMap(e.getValue(), where);
            if (o.get("Condition") != null && !ctx.condition(String.valueOf(o.get("Condition")))) {
                continue;
            }
            if (!o.containsKey("Value")) {
                throw CfnException.templateFormat(where + ": every Outputs member must contain a Value object");
            }
            Object value = ctx.intrinsics().resolve(o.get("Value"), where + ".Value");
            String exportName = null;
            if (o.get("Export") instanceof Map<?, ?> export) {
                @SuppressWarnings("unchecked")
                Object name = ctx.intrinsics().resolve(((Map<String, Object>) export).get("Name"), where + ".Export.Name");
                exportName = name == null ? null : String.valueOf(name);
            }
            Object description = o.get("Description");
            out.add(new Stack.Output(e.getKey(), text(value), description == null ? null : description.toString(), exportName));
        }
        return out;
    }

    /** Whether the outputs would change (or fail to resolve) if the stack moved to {@code next}. */
    static boolean wouldChange(Stack stack, StackContext next) {
        try {
            return !resolve(next).equals(stack.outputs());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return v == null ? "" : String.valueOf(v);
    }
}
