package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.mesh.MeshProxy;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an App Mesh Envoy container as a local {@link MeshProxy}. The virtual node comes from
 * {@code APPMESH_RESOURCE_ARN} (or the older {@code APPMESH_VIRTUAL_NODE_NAME}), e.g.
 * {@code mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-node}, possibly inside a full ARN.
 */
final class MeshProxyProgram implements ContainerProgram {

    private static final Pattern RESOURCE = Pattern.compile("mesh/([^/]+)/virtualNode/([^/]+)$");
    private static final int DEFAULT_ADMIN_PORT = 9901;

    private final MeshProxy.Services services;

    MeshProxyProgram(MeshProxy.Services services) {
        this.services = services;
    }

    @Override
    public RunningContainer start(ContainerLaunch launch) throws Exception {
        String resource = launch.environment().getOrDefault("APPMESH_RESOURCE_ARN",
                launch.environment().get("APPMESH_VIRTUAL_NODE_NAME"));
        Matcher m = resource == null ? null : RESOURCE.matcher(resource.trim());
        if (m == null || !m.find()) {
            throw new IllegalArgumentException("Envoy container " + launch.containerName()
                    + " needs APPMESH_RESOURCE_ARN=mesh/<mesh>/virtualNode/<node> (got " + resource + ")");
        }
        int admin = Integer.parseInt(launch.environment().getOrDefault("ENVOY_ADMIN_ACCESS_PORT",
                String.valueOf(DEFAULT_ADMIN_PORT)).trim());
        int egress = launch.proxyConfiguration() == null ? 15001 : launch.proxyConfiguration().egressPort();
        MeshProxy proxy = MeshProxy.start(services, new MeshProxy.Placement(m.group(1), m.group(2),
                launch.taskAddress(), launch.proxyAppPorts(), egress, admin));
        return new ProxyContainer(proxy, admin, egress);
    }

    /** The running proxy as a container; the task asks it where the app's published ports really are. */
    static final class ProxyContainer implements RunningContainer {
        private final MeshProxy proxy;
        private final int adminContainerPort;
        private final int egressContainerPort;
        private volatile boolean closed;

        ProxyContainer(MeshProxy proxy, int adminContainerPort, int egressContainerPort) {
            this.proxy = proxy;
            this.adminContainerPort = adminContainerPort;
            this.egressContainerPort = egressContainerPort;
        }

        MeshProxy proxy() {
            return proxy;
        }

        @Override
        public boolean isAlive() {
            return !closed;
        }

        @Override
        public Map<Integer, Integer> boundPorts() {
            Map<Integer, Integer> ports = new HashMap<>();
            ports.put(adminContainerPort, proxy.adminPort());
            ports.put(egressContainerPort, proxy.egressPort());
            return ports;
        }

        @Override
        public void close() {
            closed = true;
            proxy.close();
        }
    }
}
