package dev.meshwalk.localcloud.dataplane.ecs;

import java.net.InetAddress;
import java.util.Map;

/**
 * Everything a local program needs to run one container of a task.
 *
 * @param environment the container's environment as the program should see it: the task definition's values
 *                    plus the local cloud's ({@code BIND_ADDRESS}, {@code DNS_SERVER}, {@code HTTP_PROXY} in mesh
 *                    tasks, sidecars' endpoints)
 * @param ports       container port -> port to bind on {@code taskAddress} (differs when the port was taken, or
 *                    when a mesh proxy owns the published port)
 * @param proxyAppPorts for the mesh proxy: published app port -> port the app really listens on; else empty
 */
public record ContainerLaunch(String cluster, String serviceName, String taskArn, String taskDefinitionFamily,
                              String containerName, String image, InetAddress taskAddress,
                              Map<String, String> environment, Map<Integer, Integer> ports,
                              ProxyConfigurationSpec proxyConfiguration, Map<Integer, Integer> proxyAppPorts) {

    public ContainerLaunch {
        environment = Map.copyOf(environment);
        ports = Map.copyOf(ports);
        proxyAppPorts = Map.copyOf(proxyAppPorts);
    }

    public String taskId() {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }
}
