package dev.meshwalk.localcloud.provider;

import java.util.Optional;

/**
 * App Mesh meshes, virtual nodes, services, routers and routes. The data plane's mesh proxies read their
 * configuration from here (an Envoy's {@code APPMESH_RESOURCE_ARN} names a virtual node in this store).
 */
public final class AppMeshResources extends ResourceStore {

    public static final String MESH = "AWS::AppMesh::Mesh";
    public static final String VIRTUAL_NODE = "AWS::AppMesh::VirtualNode";
    public static final String VIRTUAL_SERVICE = "AWS::AppMesh::VirtualService";
    public static final String VIRTUAL_ROUTER = "AWS::AppMesh::VirtualRouter";
    public static final String ROUTE = "AWS::AppMesh::Route";

    public Optional<ResourceRecord> mesh(String name) {
        return ofType(MESH).stream().filter(r -> name.equals(r.attributes().get("MeshName"))).findFirst();
    }

    /** A virtual node by mesh and node name. */
    public Optional<ResourceRecord> virtualNode(String mesh, String node) {
        return ofType(VIRTUAL_NODE).stream().filter(r -> mesh.equals(r.attributes().get("MeshName"))
                && node.equals(r.attributes().get("VirtualNodeName"))).findFirst();
    }
}
