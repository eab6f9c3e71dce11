package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * App Mesh's control plane: meshes and their virtual nodes, services, routers and routes, kept as immutable
 * snapshots that running proxies read live. The proxies themselves are started by ECS tasks (see
 * {@link MeshProxy}) and listed here for the admin UI and tests.
 */
public final class AppMesh {

    private final Map<String, MeshConfig> meshes = new ConcurrentHashMap<>();
    private final List<MeshProxy> proxies = new CopyOnWriteArrayList<>();

    public void createMesh(MeshSpec spec) {
        meshes.compute(spec.name(), (k, old) -> old == null ? MeshConfig.empty(spec)
                : new MeshConfig(spec, old.version() + 1, old.nodes(), old.services(), old.routers(), old.routes()));
    }

    /** Deletes a mesh; like App Mesh, refuses while it still holds resources. */
    public void deleteMesh(String name) {
        MeshConfig config = meshes.get(name);
        if (config != null && !(config.nodes().isEmpty() && config.services().isEmpty() && config.routers().isEmpty())) {
            throw new IllegalStateException("mesh " + name + " still has virtual nodes, services or routers");
        }
        meshes.remove(name);
    }

    public Optional<MeshConfig> config(String meshName) {
        return Optional.ofNullable(meshes.get(meshName));
    }

    public void putVirtualNode(String mesh, VirtualNodeSpec node) {
        update(mesh, c -> c.with(MeshConfig.put(c.nodes(), node.name(), node), c.services(), c.routers(), c.routes()));
    }

    public void deleteVirtualNode(String mesh, String name) {
        update(mesh, c -> c.with(MeshConfig.remove(c.nodes(), name), c.services(), c.routers(), c.routes()));
    }

    public void putVirtualService(String mesh, VirtualServiceSpec service) {
        update(mesh, c -> c.with(c.nodes(), MeshConfig.put(c.services(), service.name(), service), c.routers(),
                c.routes()));
    }

    public void deleteVirtualService(String mesh, String name) {
        update(mesh, c -> c.with(c.nodes(), MeshConfig.remove(c.services(), name.toLowerCase(java.util.Locale.ROOT)),
                c.routers(), c.routes()));
    }

    public void putVirtualRouter(String mesh, VirtualRouterSpec router) {
        update(mesh, c -> c.with(c.nodes(), c.services(), MeshConfig.put(c.routers(), router.name(), router),
                c.routes()));
    }

    public void deleteVirtualRouter(String mesh, String name) {
        update(mesh, c -> c.with(c.nodes(), c.services(), MeshConfig.remove(c.routers(), name), c.routes()));
    }

    public void putRoute(String mesh, RouteSpec route) {
        update(mesh, c -> c.with(c.nodes(), c.services(), c.routers(),
                MeshConfig.put(c.routes(), route.routerName() + "/" + route.name(), route)));
    }

    public void deleteRoute(String mesh, String routerName, String routeName) {
        update(mesh, c -> c.with(c.nodes(), c.services(), c.routers(),
                MeshConfig.remove(c.routes(), routerName + "/" + routeName)));
    }

    /** Proxies currently running in tasks. */
    public List<MeshProxy> proxies() {
        return List.copyOf(proxies);
    }

    void proxyStarted(MeshProxy proxy) {
        proxies.add(proxy);
    }

    void proxyStopped(MeshProxy proxy) {
        proxies.remove(proxy);
    }

    private void update(String mesh, UnaryOperator<MeshConfig> change) {
        if (meshes.computeIfPresent(mesh, (k, c) -> change.apply(c)) == null) {
            throw new NoSuchElementException("mesh " + mesh + " does not exist");
        }
    }
}
