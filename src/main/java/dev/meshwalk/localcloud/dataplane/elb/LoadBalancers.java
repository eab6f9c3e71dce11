package dev.meshwalk.localcloud.dataplane.elb;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsRecordSource;
import dev.meshwalk.localcloud.dataplane.net.HttpListeners;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Elastic Load Balancing v2 on loopback: application load balancers with their own address, HTTP listeners,
 * path-pattern rules, target groups with health checks. Load balancer DNS names resolve to their address
 * through the local DNS server.
 */
public final class LoadBalancers implements DnsRecordSource, AutoCloseable {

    private static final long DNS_TTL_SECONDS = 60;
    /**
     * Listener ports are only known after the load balancer exists; prefer addresses where the ports templates
     * use (80 public, 8080 internal in the chapters) are free, so listeners get the port the template names.
     */
    private static final int[] TEMPLATE_LISTENER_PORTS = {80, 8080};

    private final AwsIds ids;
    private final LocalTimings timings;
    private final LoopbackAddressPool addresses;
    private final HttpListeners listeners;
    private final Upstream upstream;
    private final ScheduledExecutorService scheduler;
    private final LoadBalancerTelemetry telemetry;
    private final Map<String, LoadBalancer> loadBalancers = new ConcurrentHashMap<>();
    private final Map<String, TargetGroup> targetGroups = new ConcurrentHashMap<>();
    private final Map<String, ListenerRuntime> listenerRuntimes = new ConcurrentHashMap<>();
    private final Map<String, String> ruleToListener = new ConcurrentHashMap<>();

    public LoadBalancers(AwsIds ids, LocalTimings timings, LoopbackAddressPool addresses, HttpListeners listeners,
                         Upstream upstream, ScheduledExecutorService scheduler) {
        this(ids, timings, addresses, listeners, upstream, scheduler, LoadBalancerTelemetry.none());
    }

    /** With a telemetry hook that turns each answered request into {@code AWS/ApplicationELB} metrics. */
    public LoadBalancers(AwsIds ids, LocalTimings timings, LoopbackAddressPool addresses, HttpListeners listeners,
                         Upstream upstream, ScheduledExecutorService scheduler, LoadBalancerTelemetry telemetry) {
        this.telemetry = telemetry;
        this.ids = ids;
        this.timings = timings;
        this.addresses = addresses;
        this.listeners = listeners;
        this.upstream = upstream;
        this.scheduler = scheduler;
    }

    public LoadBalancer createLoadBalancer(LoadBalancerSpec spec) {
        String suffix = AwsIds.hex(16);
        String arn = ids.arn("elasticloadbalancing", "loadbalancer/app/" + spec.name() + "/" + suffix);
        String dnsName = ((spec.internal() ? "internal-" : "") + spec.name() + "-" + AwsIds.digits(10) + "."
                + ids.region() + ".elb.amazonaws.com").toLowerCase(Locale.ROOT);
        return createLoadBalancer(spec, arn, dnsName);
    }

    /**
     * Reserves a loopback address (and, for internet-facing load balancers, the port the first listener will
     * really use) and returns a DNS name that works without our DNS server: the address itself, plus
     * {@code :port} when port 80 cannot be bound (e.g. not root). So a template's
     * {@code http://${LB.DNSName}} output is a URL a learner can {@code curl}, and an internal LB's
     * {@code ${LB.DNSName}:8080} reaches its listener. Pass the name to {@link #createLoadBalancer(LoadBalancerSpec,
     * String, String)} to use the reservation.
     */
    public String reserveLocalDnsName(boolean internal) {
        InetAddress address = addresses.allocate(TEMPLATE_LISTENER_PORTS);
        String ip = address.getHostAddress();
        if (internal) {
            reservations.put(ip, new Reservation(address, null));
            return ip;
        }
        int port;
        try {
            port = HttpListeners.freePort(address, 80);
        } catch (IOException e) {
            addresses.release(address);
            throw new UncheckedIOException("no free port on " + ip + ": " + e.getMessage(), e);
        }
        String name = port == 80 ? ip : ip + ":" + port;
        reservations.put(name, new Reservation(address, port));
        return name;
    }

    private record Reservation(InetAddress address, Integer firstListenerPort) {
    }

    /**
     * For a load balancer brought back from saved state: the loopback address (and first listener port) its
     * {@link #reserveLocalDnsName} name gave it before, when they are still free; null otherwise (a new address).
     */
    private Reservation reclaim(String dnsName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(127\\.\\d+\\.\\d+\\.\\d+)(?::(\\d+))?")
                .matcher(dnsName);
        if (!m.matches()) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(m.group(1));
            Integer port = m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
            int listenerPort = port != null ? port : 80;
            if (!addresses.claim(address)) {
                return null;
            }
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress(address, listenerPort), 1);
            } catch (IOException taken) {
                if (port != null) {
                    addresses.release(address);
                    return null;
                }
            }
            return new Reservation(address, port);
        } catch (IOException e) {
            return null;
        }
    }

    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
    private final Map<String, Integer> firstListenerPorts = new ConcurrentHashMap<>();

    /** Creates a load balancer whose ARN and DNS name the control plane already chose. */
    public LoadBalancer createLoadBalancer(LoadBalancerSpec spec, String arn, String dnsName) {
        dnsName = dnsName.toLowerCase(Locale.ROOT);
        Reservation reserved = reservations.remove(dnsName);
        if (reserved == null) {
            reserved = reclaim(dnsName);
        }
        InetAddress address = reserved != null ? reserved.address() : addresses.allocate(TEMPLATE_LISTENER_PORTS);
        if (reserved != null && reserved.firstListenerPort() != null) {
            firstListenerPorts.put(arn, reserved.firstListenerPort());
        }
        LoadBalancer lb = new LoadBalancer(arn, spec.name(), spec.internal(), dnsName, address,
                "Z35SXDOTRQ7X7K");
        loadBalancers.put(arn, lb);
        return lb;
    }

    /** Deletes a load balancer and its listeners; its address goes back to the pool. */
    public void deleteLoadBalancer(String arn) {
        LoadBalancer lb = loadBalancers.remove(arn);
        firstListenerPorts.remove(arn);
        listenerRuntimes.values().removeIf(l -> {
            if (l.listener().loadBalancerArn().equals(arn)) {
                l.close();
                return true;
            }
            return false;
        });
        if (lb != null) {
            addresses.release(lb.address());
        }
    }

    /** Every load balancer, ordered by name (what DescribeLoadBalancers lists). */
    public List<LoadBalancer> loadBalancers() {
        return loadBalancers.values().stream().sorted(Comparator.comparing(LoadBalancer::name)).toList();
    }

    /** Every target group, ordered by name (what DescribeTargetGroups lists). */
    public List<TargetGroup> targetGroups() {
        return targetGroups.values().stream().sorted(Comparator.comparing(g -> g.spec().name())).toList();
    }

    public Optional<LoadBalancer> loadBalancer(String arn) {
        return Optional.ofNullable(loadBalancers.get(arn));
    }

    public TargetGroup createTargetGroup(TargetGroupSpec spec) {
        return createTargetGroup(spec, ids.arn("elasticloadbalancing", "targetgroup/" + spec.name() + "/" + AwsIds.hex(16)));
    }

    /** Creates a target group whose ARN the control plane already chose. */
    public TargetGroup createTargetGroup(TargetGroupSpec spec, String arn) {
        TargetGroup group = new TargetGroup(arn, spec, timings, upstream, scheduler);
        targetGroups.put(arn, group);
        return group;
    }

    public void deleteTargetGroup(String arn) {
        TargetGroup group = targetGroups.remove(arn);
        if (group != null) {
            group.close();
        }
    }

    public Optional<TargetGroup> targetGroup(String arn) {
        return Optional.ofNullable(targetGroups.get(arn));
    }

    /**
     * Starts an HTTP listener on the load balancer's address, on {@code port} if free (else a free port; the
     * returned {@link Listener} carries the real one), forwarding by default to {@code defaultTargetGroupArn}.
     */
    public Listener createListener(String loadBalancerArn, int port, String defaultTargetGroupArn) {
        LoadBalancer lb = loadBalancers.get(loadBalancerArn);
        if (lb == null) {
            throw new NoSuchElementException("load balancer " + loadBalancerArn + " does not exist");
        }
        return createListener(loadBalancerArn, port, defaultTargetGroupArn, ids.arn("elasticloadbalancing",
                "listener/app/" + lb.name() + "/" + lb.arn().substring(lb.arn().lastIndexOf('/') + 1) + "/" + AwsIds.hex(16)));
    }

    /** Starts a listener whose ARN the control plane already chose. */
    public Listener createListener(String loadBalancerArn, int port, String defaultTargetGroupArn, String arn) {
        LoadBalancer lb = loadBalancers.get(loadBalancerArn);
        if (lb == null) {
            throw new NoSuchElementException("load balancer " + loadBalancerArn + " does not exist");
        }
        ListenerRuntime runtime = new ListenerRuntime(defaultTargetGroupArn, targetGroups::get, upstream, ids, telemetry);
        Integer reservedPort = firstListenerPorts.remove(loadBalancerArn);
        try {
            HttpListeners.Listener server = listeners.open(lb.address(), reservedPort != null ? reservedPort : port,
                    runtime);
            Listener listener = new Listener(arn, loadBalancerArn, port, lb.address().getHostAddress(), server.port());
            runtime.attach(server, listener);
            listenerRuntimes.put(arn, runtime);
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a listener for " + lb.name() + ": " + e.getMessage(), e);
        }
    }

    public void deleteListener(String listenerArn) {
        ListenerRuntime runtime = listenerRuntimes.remove(listenerArn);
        if (runtime != null) {
            runtime.close();
        }
    }

    public List<Listener> listeners(String loadBalancerArn) {
        return listenerRuntimes.values().stream().map(ListenerRuntime::listener)
                .filter(l -> l.loadBalancerArn().equals(loadBalancerArn)).toList();
    }

    /**
     * The real URL of a load balancer's first listener, found by its DNS name: what a learner can {@code curl}
     * ({@code http://127.0.0.3} or {@code http://127.0.0.3:41234}). Empty when no such load balancer listens.
     */
    public Optional<String> endpointUrl(String dnsName) {
        String hostPort = dnsName.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        String host = hostPort.replaceFirst(":.*$", "");
        return loadBalancers.values().stream().filter(lb -> lb.dnsName().equals(hostPort) || lb.dnsName().equals(host))
                .findFirst()
                .flatMap(lb -> listeners(lb.arn()).stream().findFirst()).map(Listener::url);
    }

    /** Adds a forward rule to a listener; returns the rule ARN. */
    public String createRule(String listenerArn, RuleSpec spec) {
        return createRule(listenerArn, spec, listenerArn.replace(":listener/", ":listener-rule/") + "/" + AwsIds.hex(16));
    }

    /** Adds a rule whose ARN the control plane already chose. */
    public String createRule(String listenerArn, RuleSpec spec, String arn) {
        ListenerRuntime runtime = listenerRuntimes.get(listenerArn);
        if (runtime == null) {
            throw new NoSuchElementException("listener " + listenerArn + " does not exist");
        }
        runtime.addRule(arn, spec);
        ruleToListener.put(arn, listenerArn);
        return arn;
    }

    public void deleteRule(String ruleArn) {
        String listenerArn = ruleToListener.remove(ruleArn);
        if (listenerArn != null && listenerRuntimes.containsKey(listenerArn)) {
            listenerRuntimes.get(listenerArn).removeRule(ruleArn);
        }
    }

    public void registerTarget(String targetGroupArn, Target target) {
        group(targetGroupArn).register(target);
    }

    /** Starts draining; completes when the target is gone. Unknown groups count as already drained. */
    public CompletableFuture<Void> deregisterTarget(String targetGroupArn, Target target) {
        TargetGroup group = targetGroups.get(targetGroupArn);
        return group == null ? CompletableFuture.completedFuture(null) : group.deregister(target);
    }

    public List<TargetHealth> targetHealth(String targetGroupArn) {
        return group(targetGroupArn).health();
    }

    private TargetGroup group(String arn) {
        TargetGroup group = targetGroups.get(arn);
        if (group == null) {
            throw new NoSuchElementException("target group " + arn + " does not exist");
        }
        return group;
    }

    @Override
    public boolean isAuthoritativeFor(Name name) {
        return name.toString().toLowerCase(Locale.ROOT).endsWith(".elb.amazonaws.com.");
    }

    @Override
    public List<Record> recordsFor(Name name) {
        String text = name.toString().toLowerCase(Locale.ROOT);
        for (LoadBalancer lb : loadBalancers.values()) {
            if (text.equals(lb.dnsName() + ".")) {
                return List.of(new ARecord(name, DClass.IN, timings.dnsTtlSeconds(DNS_TTL_SECONDS), lb.address()));
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        listenerRuntimes.values().forEach(ListenerRuntime::close);
        listenerRuntimes.clear();
        targetGroups.values().forEach(TargetGroup::close);
        targetGroups.clear();
        loadBalancers.values().forEach(lb -> addresses.release(lb.address()));
        loadBalancers.clear();
        reservations.values().forEach(r -> addresses.release(r.address()));
        reservations.clear();
    }
}
