package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.dataplane.mesh.MeshSpec;
import dev.meshwalk.localcloud.dataplane.mesh.RouteSpec;
import dev.meshwalk.localcloud.dataplane.mesh.ServiceDiscoverySpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualNodeSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualRouterSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualServiceSpec;
import dev.meshwalk.localcloud.provider.AppMeshResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns App Mesh records into the mesh configuration running proxies read; an update (new route weights) reaches
 * the proxies on their next request.
 */
final class AppMeshBridge implements ResourceListener {

    private final AppMesh appMesh;

    AppMeshBridge(DataPlane dataPlane) {
        this.appMesh = dataPlane.appMesh();
    }

    @Override
    public void created(ResourceRecord record) {
        put(record);
    }

    @Override
    public void updated(ResourceRecord before, ResourceRecord after) {
        put(after);
    }

    private void put(ResourceRecord record) {
        Props p = new Props(record.properties());
        Props spec = p.child("Spec");
        String mesh = String.valueOf(record.attributes().get("MeshName"));
        try {
            switch (record.type()) {
                case AppMeshResources.MESH -> appMesh.createMesh(new MeshSpec(mesh,
                        "ALLOW_ALL".equals(spec.child("EgressFilter").text("Type"))));
                case AppMeshResources.VIRTUAL_NODE -> appMesh.putVirtualNode(mesh, virtualNode(record, spec));
                case AppMeshResources.VIRTUAL_SERVICE -> {
                    Props provider = spec.child("Provider");
                    appMesh.putVirtualService(mesh, new VirtualServiceSpec(
                            String.valueOf(record.attributes().get("VirtualServiceName")),
                            provider.child("VirtualNode").text("VirtualNodeName"),
                            provider.child("VirtualRouter").text("VirtualRouterName")));
                }
                case AppMeshResources.VIRTUAL_ROUTER -> appMesh.putVirtualRouter(mesh, new VirtualRouterSpec(
                        String.valueOf(record.attributes().get("VirtualRouterName")), ports(spec)));
                case AppMeshResources.ROUTE -> appMesh.putRoute(mesh, route(record, spec));
                default -> { }
            }
        } catch (RuntimeException e) {
            throw new ProvisionException(e.getMessage());
        }
    }

    @Override
    public void deleted(ResourceRecord record) {
        String mesh = String.valueOf(record.attributes().get("MeshName"));
        try {
            switch (record.type()) {
                case AppMeshResources.MESH -> appMesh.deleteMesh(mesh);
                case AppMeshResources.VIRTUAL_NODE -> appMesh.deleteVirtualNode(mesh,
                        String.valueOf(record.attributes().get("VirtualNodeName")));
                case AppMeshResources.VIRTUAL_SERVICE -> appMesh.deleteVirtualService(mesh,
                        String.valueOf(record.attributes().get("VirtualServiceName")));
                case AppMeshResources.VIRTUAL_ROUTER -> appMesh.deleteVirtualRouter(mesh,
                        String.valueOf(record.attributes().get("VirtualRouterName")));
                case AppMeshResources.ROUTE -> appMesh.deleteRoute(mesh,
                        String.valueOf(record.attributes().get("VirtualRouterName")),
                        String.valueOf(record.attributes().get("RouteName")));
                default -> { }
            }
        } catch (java.util.NoSuchElementException alreadyGone) {
            // the mesh went first; nothing left to remove
        } catch (IllegalStateException stillUsed) {
            throw new ProvisionException(stillUsed.getMessage());
        }
    }

    private static List<Integer> ports(Props spec) {
        return spec.list("Listeners").stream().map(l -> l.child("PortMapping").integer("Port", 80)).toList();
    }

    private static VirtualNodeSpec virtualNode(ResourceRecord record, Props spec) {
        Props discovery = spec.child("ServiceDiscovery");
        ServiceDiscoverySpec serviceDiscovery = null;
        if (discovery.has("AWSCloudMap")) {
            Props cm = discovery.child("AWSCloudMap");
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            cm.list("Attributes").forEach(a -> attributes.put(a.text("Key"), a.text("Value")));
            serviceDiscovery = new ServiceDiscoverySpec.CloudMap(cm.text("NamespaceName"), cm.text("ServiceName"), attributes);
        } else if (discovery.has("DNS")) {
            serviceDiscovery = new ServiceDiscoverySpec.Dns(discovery.child("DNS").text("Hostname"));
        }
        List<String> backends = spec.list("Backends").stream()
                .map(b -> b.child("VirtualService").text("VirtualServiceName")).filter(n -> n != null).toList();
        return new VirtualNodeSpec(String.valueOf(record.attributes().get("VirtualNodeName")), ports(spec),
                serviceDiscovery, backends);
    }

    private static RouteSpec route(ResourceRecord record, Props spec) {
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
        return new RouteSpec(String.valueOf(record.attributes().get("VirtualRouterName")),
                String.valueOf(record.attributes().get("RouteName")),
                spec.has("Priority") ? spec.integer("Priority", 0) : null,
                new RouteSpec.Match(match.text("Prefix", "/"), headers), targets, retry, timeout);
    }

    private static Duration duration(Props d) {
        long value = d.integer("Value", 15);
        return "ms".equals(d.text("Unit")) ? Duration.ofMillis(value) : Duration.ofSeconds(value);
    }
}
