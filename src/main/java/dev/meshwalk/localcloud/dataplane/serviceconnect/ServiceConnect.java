package dev.meshwalk.localcloud.dataplane.serviceconnect;

import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ECS Service Connect on loopback: which services joined which namespace, which tasks serve each discovery name
 * (through their proxies' ingress listeners), the traffic split between service revisions during a canary, and
 * the managed proxies themselves. ECS drives it: it joins a service when the service is created or updated,
 * starts a proxy in every task of that service, registers a task's endpoint once the task serves, and shifts the
 * split as a canary deployment proceeds. Client proxies read it per request, so a change reaches them at once.
 */
public final class ServiceConnect implements AutoCloseable {

    /** An ECS service by cluster and name. */
    public record ServiceKey(String cluster, String service) {
    }

    /** One discovery name of a namespace and the tasks behind it. */
    static final class Server {
        final ServiceKey owner;
        final String namespace;
        final ServiceConnectConfig.Server config;
        final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

        Server(ServiceKey owner, String namespace, ServiceConnectConfig.Server config) {
            this.owner = owner;
            this.namespace = namespace;
            this.config = config;
        }

        /** True when a request for {@code host:port} is meant for this server (alias, or discovery name). */
        boolean answers(String host, int port) {
            for (ServiceConnectConfig.ClientAlias alias : config.clientAliases()) {
                String name = alias.dnsName() == null ? config.discoveryName() : alias.dnsName();
                if (alias.port() == port && (name.equals(host) || (name + "." + namespace).equals(host))) {
                    return true;
                }
            }
            return host.equals(config.discoveryName() + "." + namespace)
                    && config.clientAliases().stream().anyMatch(a -> a.port() == port);
        }
    }

    private final Upstream upstream;
    private final HttpListeners listeners;
    private final LocalTimings timings;
    private final ServiceConnectTelemetry telemetry;
    private final DnsAnswers dns;
    private final Map<ServiceKey, ServiceConnectConfig> members = new ConcurrentHashMap<>();
    private final Map<String, Server> servers = new ConcurrentHashMap<>();
    private final Map<ServiceKey, Map<String, Integer>> splits = new ConcurrentHashMap<>();
    private final Map<String, ServiceConnectProxy> proxies = new ConcurrentHashMap<>();

    public ServiceConnect(Upstream upstream, HttpListeners listeners, LocalTimings timings,
                          ServiceConnectTelemetry telemetry, DnsAnswers dns) {
        this.upstream = upstream;
        this.listeners = listeners;
        this.timings = timings;
        this.telemetry = telemetry;
        this.dns = dns;
    }

    /**
     * A service joins (or changes its place in) a namespace. Each discovery name and each alias must be unique in
     * the namespace, as ECS requires.
     *
     * @throws IllegalArgumentException naming the clash
     */
    public synchronized void join(String cluster, String service, ServiceConnectConfig config) {
        ServiceKey key = new ServiceKey(cluster, service);
        for (ServiceConnectConfig.Server wanted : config.services()) {
            Server existing = servers.get(serverKey(config.namespace(), wanted.discoveryName()));
            if (existing != null && !existing.owner.equals(key)) {
                throw new IllegalArgumentException("InvalidParameterException: the discovery name "
                        + wanted.discoveryName() + " is already used in namespace " + config.namespace()
                        + " by service " + existing.owner.service());
            }
        }
        ServiceConnectConfig before = members.put(key, config);
        if (before != null) {
            for (ServiceConnectConfig.Server old : before.services()) {
                boolean kept = before.namespace().equals(config.namespace()) && config.services().stream()
                        .anyMatch(s -> s.discoveryName().equals(old.discoveryName()));
                if (!kept) {
                    servers.remove(serverKey(before.namespace(), old.discoveryName()));
                }
            }
        }
        for (ServiceConnectConfig.Server wanted : config.services()) {
            servers.compute(serverKey(config.namespace(), wanted.discoveryName()), (k, old) -> {
                Server fresh = new Server(key, config.namespace(), wanted);
                if (old != null) {
                    fresh.endpoints.putAll(old.endpoints);
                }
                return fresh;
            });
        }
    }

    /** The service leaves its namespace (deleted, or no longer using Service Connect). */
    public synchronized void leave(String cluster, String service) {
        ServiceKey key = new ServiceKey(cluster, service);
        ServiceConnectConfig config = members.remove(key);
        splits.remove(key);
        if (config != null) {
            config.services().forEach(s -> servers.remove(serverKey(config.namespace(), s.discoveryName()),
                    servers.get(serverKey(config.namespace(), s.discoveryName()))));
        }
    }

    public Optional<ServiceConnectConfig> config(String cluster, String service) {
        return Optional.ofNullable(members.get(new ServiceKey(cluster, service)));
    }

    /**
     * Starts the managed proxy of one task (ECS adds it; it is not in the task definition).
     *
     * @throws IllegalStateException when the service has not joined a namespace
     */
    public ServiceConnectProxy startProxy(String cluster, String service, String taskId, InetAddress taskAddress)
            throws IOException {
        ServiceConnectConfig config = config(cluster, service).orElseThrow(() -> new IllegalStateException(
                "service " + service + " has no Service Connect configuration"));
        ServiceConnectProxy proxy = ServiceConnectProxy.start(this, new ServiceConnectProxy.Placement(cluster, service,
                taskId, taskAddress, config));
        proxies.put(taskId, proxy);
        return proxy;
    }

    void proxyStopped(ServiceConnectProxy proxy) {
        proxies.remove(proxy.taskId(), proxy);
    }

    /**
     * A task of a server service serves: each of its discovery names gets the task's proxy ingress as an endpoint.
     *
     * @param appPorts port name -> port the app really listens on (the proxy forwards there)
     * @param revision the deployment that started the task
     */
    public void registerTask(String cluster, String service, String revision, String taskId,
                             Map<String, Integer> appPorts, boolean healthy) {
        ServiceConnectProxy proxy = proxies.get(taskId);
        ServiceConnectConfig config = members.get(new ServiceKey(cluster, service));
        if (proxy == null || config == null) {
            return;
        }
        proxy.bindApps(appPorts);
        for (ServiceConnectConfig.Server s : config.services()) {
            Server server = servers.get(serverKey(config.namespace(), s.discoveryName()));
            Integer ingress = proxy.ingressPorts().get(s.portName());
            if (server != null && ingress != null) {
                server.endpoints.put(taskId, new Endpoint(taskId, revision, proxy.taskAddress().getHostAddress(),
                        ingress, healthy));
            }
        }
    }

    /** Updates a registered task's health (an unhealthy endpoint only gets traffic when no endpoint is healthy). */
    public void setHealth(String cluster, String service, String taskId, boolean healthy) {
        serversOf(new ServiceKey(cluster, service)).forEach(s -> s.endpoints.computeIfPresent(taskId,
                (id, e) -> e.withHealth(healthy)));
    }

    /** The task leaves every discovery name (it is stopping); clients stop sending it new requests at once. */
    public void deregisterTask(String cluster, String service, String taskId) {
        serversOf(new ServiceKey(cluster, service)).forEach(s -> s.endpoints.remove(taskId));
    }

    /**
     * Splits the service's traffic between revisions (deployment id -> weight), as a canary deployment does. An
     * empty map sends traffic to every registered task alike, as between rolling deployments.
     */
    public void splitTraffic(String cluster, String service, Map<String, Integer> weights) {
        ServiceKey key = new ServiceKey(cluster, service);
        if (weights.isEmpty()) {
            splits.remove(key);
        } else {
            splits.put(key, Map.copyOf(weights));
        }
    }

    /** The current split (deployment id -> weight); empty when traffic goes to every task alike. */
    public Map<String, Integer> trafficSplit(String cluster, String service) {
        return splits.getOrDefault(new ServiceKey(cluster, service), Map.of());
    }

    /** Registered endpoints of a discovery name in a namespace, sorted by address. */
    public List<Endpoint> endpoints(String namespace, String discoveryName) {
        Server server = servers.get(serverKey(namespace, discoveryName));
        if (server == null) {
            return List.of();
        }
        List<Endpoint> out = new ArrayList<>(server.endpoints.values());
        out.sort(Comparator.comparing(Endpoint::hostAndPort));
        return out;
    }

    /** The server a client in {@code namespace} means by {@code host:port}, if any. */
    Optional<Server> resolve(String namespace, String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        return servers.values().stream().filter(s -> s.namespace.equals(namespace) && s.answers(name, port))
                .findFirst();
    }

    Map<String, Integer> split(ServiceKey owner) {
        return splits.getOrDefault(owner, Map.of());
    }

    Upstream upstream() {
        return upstream;
    }

    HttpListeners listeners() {
        return listeners;
    }

    LocalTimings timings() {
        return timings;
    }

    ServiceConnectTelemetry telemetry() {
        return telemetry;
    }

    DnsAnswers dns() {
        return dns;
    }

    private List<Server> serversOf(ServiceKey key) {
        return servers.values().stream().filter(s -> s.owner.equals(key)).toList();
    }

    private static String serverKey(String namespace, String discoveryName) {
        return namespace + "/" + discoveryName;
    }

    /** Stops every proxy still running (their tasks stop them first in an orderly shutdown). */
    @Override
    public void close() {
        List.copyOf(proxies.values()).forEach(ServiceConnectProxy::close);
    }
}
