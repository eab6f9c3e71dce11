package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Set;

/**
 * App Mesh resources: {@code Ref} is the ARN ({@code mesh/<mesh>/virtualNode/<node>} ...), attributes are the
 * names plus {@code Uid}, {@code MeshOwner} and {@code ResourceOwner}. Names replace; {@code Spec} updates
 * in place.
 */
public final class AppMeshProvider extends FamilyProvider {

    public AppMeshProvider(AppMeshResources store) {
        super(store);
        kind(AppMeshResources.MESH, List.of(), (r, cur) -> {
            String name = keepOr(cur, "MeshName", textOr(r, "MeshName", AwsIds.generatedName(r.stackName(), r.logicalId(), 255)));
            return made(r, cur, "mesh/" + name, "MeshName", name);
        });
        child(store, AppMeshResources.VIRTUAL_NODE, "VirtualNodeName", "virtualNode");
        child(store, AppMeshResources.VIRTUAL_SERVICE, "VirtualServiceName", "virtualService");
        child(store, AppMeshResources.VIRTUAL_ROUTER, "VirtualRouterName", "virtualRouter");
        kind(AppMeshResources.ROUTE, List.of(), (r, cur) -> {
                    String mesh = requireMesh(store, r);
                    String router = text(r, "VirtualRouterName");
                    boolean routerExists = store.ofType(AppMeshResources.VIRTUAL_ROUTER).stream().anyMatch(v ->
                            mesh.equals(v.attributes().get("MeshName")) && router.equals(v.attributes().get("VirtualRouterName")));
                    if (!routerExists) {
                        throw new ProvisionException("VirtualRouter [" + router + "] not found in mesh [" + mesh
                                + "] (Service: AppMesh; Status Code: 404; Error Code: NotFoundException)");
                    }
                    String name = keepOr(cur, "RouteName", textOr(r, "RouteName", AwsIds.generatedName(r.stackName(), r.logicalId(), 255)));
                    return made(r, cur, "mesh/" + mesh + "/virtualRouter/" + router + "/route/" + name,
                            "MeshName", mesh, "VirtualRouterName", router, "RouteName", name);
                });
    }

    private void child(AppMeshResources store, String type, String nameProperty, String path) {
        kind(type, List.of(), (r, cur) -> {
            String mesh = requireMesh(store, r);
            String name = keepOr(cur, nameProperty, textOr(r, nameProperty, AwsIds.generatedName(r.stackName(), r.logicalId(), 255)));
            return made(r, cur, "mesh/" + mesh + "/" + path + "/" + name, "MeshName", mesh, nameProperty, name);
        });
    }

    private static String requireMesh(AppMeshResources store, ResourceRequest r) {
        String mesh = text(r, "MeshName");
        if (store.mesh(mesh).isEmpty()) {
            throw new ProvisionException("Mesh [" + mesh + "] not found (Service: AppMesh; Status Code: 404; Error Code: NotFoundException)");
        }
        return mesh;
    }

    private static Provisioned made(ResourceRequest r, Provisioned cur, String resource, Object... names) {
        String arn = cur != null ? cur.physicalId() : arn(r, "appmesh", resource);
        Object[] kv = new Object[names.length + 8];
        System.arraycopy(names, 0, kv, 0, names.length);
        int i = names.length;
        kv[i++] = "Arn";
        kv[i++] = arn;
        kv[i++] = "Uid";
        kv[i++] = keepOr(cur, "Uid", AwsIds.uuid());
        kv[i++] = "MeshOwner";
        kv[i++] = textOr(r, "MeshOwner", r.accountId());
        kv[i++] = "ResourceOwner";
        kv[i] = r.accountId();
        return new Provisioned(arn, attrs(kv));
    }
}
