package dev.meshwalk.localcloud.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The region-wide table of exported outputs that {@code Fn::ImportValue} reads, with their owners. */
public final class Exports {

    /** One export as ListExports shows it. */
    public record Export(String exportingStackId, String name, String value) {
    }

    private final Map<String, Export> byName = new ConcurrentHashMap<>();

    String value(String name) {
        Export e = byName.get(name);
        return e == null ? null : e.value();
    }

    /** Publishes a stack's exports, refusing names another stack already exports. */
    synchronized void publish(Stack stack, List<Stack.Output> outputs) {
        for (Stack.Output o : outputs) {
            Export e = byName.get(o.exportName() == null ? "" : o.exportName());
            if (e != null && !e.exportingStackId().equals(stack.id())) {
                throw new IllegalStateException("Export with name " + o.exportName()
                        + " is already exported by stack " + e.exportingStackId().split("/")[1]);
            }
        }
        release(stack);
        for (Stack.Output o : outputs) {
            if (o.exportName() != null) {
                byName.put(o.exportName(), new Export(stack.id(), o.exportName(), o.value()));
            }
        }
    }

    synchronized void release(Stack stack) {
        byName.values().removeIf(e -> e.exportingStackId().equals(stack.id()));
    }

    List<Export> all() {
        List<Export> out = new ArrayList<>(byName.values());
        out.sort(java.util.Comparator.comparing(Export::name));
        return out;
    }
}
