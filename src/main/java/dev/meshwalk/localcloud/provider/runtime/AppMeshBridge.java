package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.dataplane.mesh.MeshSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualRouterSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualServiceSpec;
import dev.meshwalk.localcloud.provider.AppMeshResources;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
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
                case AppMeshResources.VIRTUAL_NODE -> appMesh.putVirtualNode(mesh,
                        AppMeshSpecs.virtualNode(name(record, "VirtualNodeName"), spec(p)));
                case AppMeshResources.VIRTUAL_SERVICE -> {
                    Props provider = spec.child("Provider");
                    appMesh.putVirtualService(mesh, new VirtualServiceSpec(
                            String.valueOf(record.attributes().get("VirtualServiceName")),
                            provider.child("VirtualNode").text("VirtualNodeName"),
                            provider.child("VirtualRouter").text("VirtualRouterName")));
                }
                case AppMeshResources.VIRTUAL_ROUTER -> appMesh.putVirtualRouter(mesh, new VirtualRouterSpec(
                        name(record, "VirtualRouterName"), AppMeshSpecs.ports(spec)));
                case AppMeshResources.ROUTE -> appMesh.putRoute(mesh, AppMeshSpecs.route(
                        name(record, "VirtualRouterName"), name(record, "RouteName"), spec(p)));
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

    private static String name(ResourceRecord record, String attribute) {
        return String.valueOf(record.attributes().get(attribute));
    }

    private static Map<?, ?> spec(Props properties) {
        return properties.raw("Spec") instanceof Map<?, ?> m ? m : Map.of();
    }
}
