package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common shape of a provider family: each type declares how its physical id and attributes are made, and any
 * property the local cloud needs beyond what the type's published schema requires (the engine checks the schema
 * before a provider is called, and decides from it which changes replace a resource). Records go to the family's
 * {@link ResourceStore}, whose listeners give the data plane its say.
 */
public abstract class FamilyProvider implements ResourceProvider {

    /** Makes the id and attributes of one resource; {@code current} is null on create. */
    @FunctionalInterface
    protected interface Maker {
        Provisioned make(ResourceRequest request, Provisioned current);
    }

    /**
     * How one resource type behaves; {@code needs} are properties the schema leaves optional but the local cloud
     * cannot do without, {@code "A|B"} meaning either one (e.g. a load balancer's Subnets or SubnetMappings).
     */
    protected record Kind(String type, List<String> needs, Maker maker) {
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final ResourceStore store;

    protected FamilyProvider(ResourceStore store) {
        this.store = store;
    }

    protected final void kind(String type, List<String> needs, Maker maker) {
        kinds.put(type, new Kind(type, needs, maker));
    }

    @Override
    public Set<String> resourceTypes() {
        return kinds.keySet();
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        Kind kind = kind(request.resourceType());
        validate(kind, request);
        Provisioned made = kind.maker().make(request, null);
        store.get(made.physicalId()).ifPresent(existing -> {
            throw new ProvisionException(made.physicalId() + " already exists in stack " + existing.stackName()
                    + " (" + existing.logicalId() + ")");
        });
        store.put(record(request, made));
        return made;
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        Kind kind = kind(request.resourceType());
        validate(kind, request);
        Provisioned made = kind.maker().make(request, current);
        ResourceRecord before = store.get(current.physicalId()).orElse(record(request, current));
        store.replace(before, record(request, made));
        return made;
    }

    @Override
    public void restore(ResourceRequest request, Provisioned recorded) {
        store.put(record(request, recorded));
    }

    @Override
    public void delete(ResourceRequest request, Provisioned current) {
        store.remove(current.physicalId());
    }

    protected ResourceStore store() {
        return store;
    }

    private Kind kind(String type) {
        Kind kind = kinds.get(type);
        if (kind == null) {
            throw new ProvisionException("Resource type " + type + " is not supported by the local cloud");
        }
        return kind;
    }

    /** Checks what the local cloud needs, naming every missing property the way CloudFormation's schema check does. */
    private static void validate(Kind kind, ResourceRequest request) {
        List<String> missing = new ArrayList<>();
        for (String p : kind.needs()) {
            if (p.contains("|")) {
                boolean any = false;
                for (String alt : p.split("\\|")) {
                    any |= present(request.properties().get(alt));
                }
                if (!any) {
                    missing.add(p.replace("|", " or "));
                }
            } else if (!present(request.properties().get(p))) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProvisionException("Properties validation failed for resource " + request.logicalId()
                    + " with message: #: required key [" + String.join(", ", missing) + "] not found");
        }
    }

    private static boolean present(Object v) {
        return v != null && !(v instanceof String s && s.isEmpty());
    }

    private static ResourceRecord record(ResourceRequest r, Provisioned p) {
        return new ResourceRecord(r.resourceType(), r.stackName(), r.logicalId(), p.physicalId(),
                r.properties(), p.attributes());
    }

    // ------------------------------------------------------------------ helpers for the families

    protected static String text(ResourceRequest r, String property) {
        Object v = r.properties().get(property);
        return v == null ? null : String.valueOf(v);
    }

    protected static String textOr(ResourceRequest r, String property, String fallback) {
        String v = text(r, property);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** The name a resource keeps across in-place updates: its current one, the template's, or a generated one. */
    protected static String keepOr(Provisioned current, String attribute, String fresh) {
        if (current != null && current.attributes().get(attribute) != null) {
            return String.valueOf(current.attributes().get(attribute));
        }
        return fresh;
    }

    protected static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    protected static String arn(ResourceRequest r, String service, String resource) {
        return AwsIds.arn(service, r.region(), r.accountId(), resource);
    }
}
