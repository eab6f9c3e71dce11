package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.mesh.RouteSpec;
import dev.meshwalk.localcloud.dataplane.mesh.ServiceDiscoverySpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualNodeSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * App Mesh specs in CloudFormation's shape ({@code HttpRoute.Action.WeightedTargets}, {@code AWSCloudMap}) turned
 * into what the mesh proxies run. One conversion for both writers: the stack's resources (through
 * {@link AppMeshBridge}) and the App Mesh API's {@code UpdateRoute} / {@code UpdateVirtualNode}, which hand over
 * their camelCase spec re-keyed to this shape.
 */
public final class AppMeshSpecs {

    private AppMeshSpecs() {
    }

    /** A virtual node's {@code Spec}. */
    public static VirtualNodeSpec virtualNode(String name, Map<?, ?> specMap) {
        Props spec = new Props(specMap);
        Props discovery = spec.child("ServiceDiscovery");
        ServiceDiscoverySpec serviceDiscovery = null;
        if (discovery.has("AWSCloudMap")) {
            Props cm = discovery.child("AWSCloudMap");
            Map<String, String> attributes = new LinkedHashMap<>();
            cm.list("Attributes").forEach(a -> attributes.put(a.text("Key"), a.text("Value")));
            serviceDiscovery = new ServiceDiscoverySpec.CloudMap(cm.text("NamespaceName"), cm.text("ServiceName"), attributes);
        } else if (discovery.has("DNS")) {
            serviceDiscovery = new ServiceDiscoverySpec.Dns(discovery.child("DNS").text("Hostname"));
        }
        List<String> backends = spec.list("Backends").stream()
                .map(b -> b.child("VirtualService").text("VirtualServiceName")).filter(n -> n != null).toList();
        return new VirtualNodeSpec(name, ports(spec), serviceDiscovery, backends);
    }

    /** A route's {@code Spec} (its {@code HttpRoute} or {@code Http2Route}). */
    public static RouteSpec route(String routerName, String routeName, Map<?, ?> specMap) {
        Props spec = new Props(specMap);
        Props http = spec.has("HttpRoute") ? spec.child("HttpRoute") : spec.child("Http2Route");
        Props match = http.child("Match");
        List<RouteSpec.HeaderMatch> headers = match.list("Headers").stream().map(h -> {
            Props m = h.child("Match");
            return new RouteSpec.HeaderMatch(h.text("Name"), m.text("Exact"), m.text("Prefix"), m.text("Suffix"),
                    m.text("Regex"), h.bool("Invert", false));
        }).toList();
        List<RouteSpec.WeightedTarget> targets = http.child("Action").list("WeightedTargets").stream()
                .map(t -> new RouteSpec.WeightedTarget(t.text("VirtualNode"), t.integer("Weight", 1))).toList();
        RouteSpec.RetryPolicy retry = null;
        if (http.has("RetryPolicy")) {
            Props r = http.child("RetryPolicy");
            retry = new RouteSpec.RetryPolicy(r.integer("MaxRetries", 1), duration(r.child("PerRetryTimeout")),
                    new HashSet<>(r.strings("HttpRetryEvents")), new HashSet<>(r.strings("TcpRetryEvents")));
        }
        Duration timeout = http.child("Timeout").has("PerRequest") ? duration(http.child("Timeout").child("PerRequest")) : null;
        return new RouteSpec(routerName, routeName, spec.has("Priority") ? spec.integer("Priority", 0) : null,
                new RouteSpec.Match(match.text("Prefix", "/"), headers), targets, retry, timeout);
    }

    static List<Integer> ports(Props spec) {
        return spec.list("Listeners").stream().map(l -> l.child("PortMapping").integer("Port", 80)).toList();
    }

    private static Duration duration(Props d) {
        long value = d.integer("Value", 15);
        return "ms".equals(d.text("Unit")) ? Duration.ofMillis(value) : Duration.ofSeconds(value);
    }
}
