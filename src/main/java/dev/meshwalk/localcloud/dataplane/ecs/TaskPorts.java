package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's ports: which port each container binds on the task address, and which port answers for each
 * {@code container:containerPort} once the containers run. Apps bind their template port when it is free (a
 * neighbour on the same loopback address can hold it, hence the fallback); in a mesh task the proxy owns the
 * published app ports and the app moves to a free internal one; sidecars bind their own and report what they got.
 */
final class TaskPorts {

    /**
     * The ports to hand the containers when they start.
     *
     * @param byContainer   container name -> (container port -> port to bind)
     * @param proxyAppPorts in a mesh task: published app port -> the app's internal port, for the proxy's ingress
     */
    record Plan(Map<String, Map<Integer, Integer>> byContainer, Map<Integer, Integer> proxyAppPorts) {
    }

    private static final Pattern LOCALHOST_PORT = Pattern.compile("\\b(?:localhost|127\\.0\\.0\\.1):(\\d+)");

    /** {@code container:containerPort} -> the port reachable on the task address. */
    private final Map<String, Integer> published = new ConcurrentHashMap<>();

    /** @param meshProxy the task's App Mesh proxy configuration when its proxy container is a mesh proxy, else null */
    static Plan plan(InetAddress address, List<ContainerSpec> containers, Map<String, ContainerKind> kinds,
                     ProxyConfigurationSpec meshProxy) throws IOException {
        Map<String, Map<Integer, Integer>> ports = new HashMap<>();
        Map<Integer, Integer> proxyAppPorts = new HashMap<>();
        for (ContainerSpec c : containers) {
            ContainerKind kind = kinds.get(c.name());
            Map<Integer, Integer> plan = new HashMap<>();
            for (int port : portsOf(c, kind)) {
                if (meshProxy != null && kind.isApp() && meshProxy.appPorts().contains(port)) {
                    int internal = HttpListeners.freePort(address, 0);
                    plan.put(port, internal);
                    proxyAppPorts.put(port, internal);
                } else if (kind.isApp()) {
                    plan.put(port, HttpListeners.freePort(address, port));
                } else {
                    plan.put(port, port);
                }
            }
            ports.put(c.name(), plan);
        }
        return new Plan(ports, proxyAppPorts);
    }

    /** The container's declared ports, plus an app's {@code PORT} variable when it names another one. */
    private static List<Integer> portsOf(ContainerSpec c, ContainerKind kind) {
        List<Integer> ports = new ArrayList<>(c.containerPorts());
        String port = c.environment().get("PORT");
        if (kind.isApp() && port != null && port.trim().matches("\\d+") && !ports.contains(Integer.valueOf(port.trim()))) {
            ports.add(Integer.valueOf(port.trim()));
        }
        return ports;
    }

    /**
     * Records what a container that just started answers on. A sidecar's bound ports are its own; a mesh proxy's
     * ingress listeners answer for its siblings' published ports; an app's own port is the published one unless
     * the proxy already took it.
     */
    void publish(ContainerSpec spec, ContainerKind kind, RunningContainer running, List<ContainerSpec> all) {
        if (!kind.isApp()) {
            running.boundPorts().forEach((containerPort, real) -> published.put(key(spec.name(), containerPort), real));
        }
        if (running instanceof MeshProxyProgram.ProxyContainer pc) {
            pc.proxy().ingressPorts().forEach((port, real) -> all.stream()
                    .filter(c -> !c.name().equals(spec.name()))
                    .forEach(c -> published.put(key(c.name(), port), real)));
        }
        if (kind.isApp()) {
            running.boundPorts().forEach((containerPort, real) ->
                    published.putIfAbsent(key(spec.name(), containerPort), real));
        }
    }

    /** Port reachable on the task address for {@code container:containerPort}, if it is published. */
    Optional<Integer> hostPort(String containerName, int containerPort) {
        return Optional.ofNullable(published.get(key(containerName, containerPort)));
    }

    /**
     * Where a health check of that container for {@code localhost:port} lands: the container's own port if it
     * published it, else any container's, else the port itself.
     */
    int probePort(String containerName, int port) {
        return hostPort(containerName, port).orElseGet(() -> anyContainersPort(port));
    }

    private int anyContainersPort(int port) {
        return published.entrySet().stream().filter(e -> e.getKey().endsWith(":" + port))
                .map(Map.Entry::getValue).findFirst().orElse(port);
    }

    /**
     * Containers of a Fargate task share one network namespace, so templates point apps at sidecars with
     * {@code localhost:<port>}. Locally the task's address plays that role: {@code localhost:4318} becomes
     * {@code <task ip>:<port the sidecar really bound>}.
     */
    String toTaskAddress(String value, String ip) {
        Matcher m = LOCALHOST_PORT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ip + ":" + anyContainersPort(Integer.parseInt(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Sorted by {@code container:port}, as {@link TaskInfo} shows them. */
    Map<String, Integer> snapshot() {
        return new TreeMap<>(published);
    }

    private static String key(String containerName, int containerPort) {
        return containerName + ":" + containerPort;
    }
}
