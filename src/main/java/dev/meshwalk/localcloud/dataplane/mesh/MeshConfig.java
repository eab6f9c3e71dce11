package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of one mesh's configuration. Every change produces a new snapshot with a higher
 * version; proxies read the current snapshot per request, so a stack update (weights 50/50 -> 90/10) reaches
 * running proxies without restarting tasks, much as Envoy receives it over xDS.
 */
public record MeshConfig(MeshSpec mesh, long version, Map<String, VirtualNodeSpec> nodes,
                         Map<String, VirtualServiceSpec> services, Map<String, VirtualRouterSpec> routers,
                         Map<String, RouteSpec> routes) {

    public MeshConfig {
        nodes = Map.copyOf(nodes);
        services = Map.copyOf(services);
        routers = Map.copyOf(routers);
        routes = Map.copyOf(routes);
    }

    static MeshConfig empty(MeshSpec mesh) {
        return new MeshConfig(mesh, 1, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public Optional<VirtualNodeSpec> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Optional<VirtualServiceSpec> service(String name) {
        return Optional.ofNullable(services.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Routes of a router in evaluation order: by priority, then longer prefix first. */
    public List<RouteSpec> routesOf(String routerName) {
        List<RouteSpec> list = new ArrayList<>();
        routes.values().stream().filter(r -> r.routerName().equals(routerName)).forEach(list::add);
        list.sort(Comparator.<RouteSpec>comparingInt(r -> r.priority() == null ? Integer.MAX_VALUE : r.priority())
                .thenComparing(r -> -r.match().prefix().length()).thenComparing(RouteSpec::name));
        return list;
    }

    MeshConfig with(Map<String, VirtualNodeSpec> n, Map<String, VirtualServiceSpec> s,
                    Map<String, VirtualRouterSpec> r, Map<String, RouteSpec> rt) {
        return new MeshConfig(mesh, version + 1, n, s, r, rt);
    }

    static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <V> Map<String, V> remove(Map<String, V> map, String key) {
        Map<String, V> copy = new TreeMap<>(map);
        copy.remove(key);
        return copy;
    }
}
