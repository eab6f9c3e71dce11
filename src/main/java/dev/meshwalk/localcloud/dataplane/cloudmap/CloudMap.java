package dev.meshwalk.localcloud.dataplane.cloudmap;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.dns.DnsRecordSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * Cloud Map: namespaces, services and the instances ECS registers, with their health; publishes DNS
 * namespaces' services as A (and SRV) records through the local DNS server.
 *
 * <p>DNS answers follow Cloud Map: {@code <service>.<namespace>} has one A record per healthy instance (all
 * instances if none is healthy, as Route 53 multivalue answers do), SRV records point at
 * {@code <instance-id>.<service>.<namespace>} which has the instance's A record. SRV is served when the
 * service asks for it or when its instances' ports differ (A records alone cannot tell them apart).
 */
public final class CloudMap implements DnsRecordSource {

    private final AwsIds ids;
    private final LocalTimings timings;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Map<String, DiscoveryService> services = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ServiceInstance>> instances = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> revisions = new ConcurrentHashMap<>();

    public CloudMap(AwsIds ids, LocalTimings timings) {
        this.ids = ids;
        this.timings = timings;
    }

    public Namespace createNamespace(NamespaceSpec spec) {
        String id = AwsIds.namespaceId();
        return createNamespace(spec, id, ids.arn("servicediscovery", "namespace/" + id));
    }

    /** Creates a namespace whose id and ARN the control plane already chose. */
    public Namespace createNamespace(NamespaceSpec spec, String id, String arn) {
        Namespace namespace = new Namespace(id, arn,
                new NamespaceSpec(spec.name().toLowerCase(Locale.ROOT), spec.type()));
        namespaces.put(id, namespace);
        return namespace;
    }

    /** Deletes a namespace; like Cloud Map, refuses while it still holds services. */
    public void deleteNamespace(String namespaceId) {
        if (services.values().stream().anyMatch(s -> s.spec().namespaceId().equals(namespaceId))) {
            throw new IllegalStateException("namespace " + namespaceId + " still has services; delete them first");
        }
        namespaces.remove(namespaceId);
    }

    /** Every namespace, for Cloud Map's {@code ListNamespaces}. */
    public List<Namespace> namespaces() {
        return List.copyOf(namespaces.values());
    }

    /** Every service, for Cloud Map's {@code ListServices}. */
    public List<DiscoveryService> services() {
        return List.copyOf(services.values());
    }

    /**
     * A number that grows whenever the service's instances or their health change: what {@code DiscoverInstances}
     * answers as {@code InstancesRevision}, so a client can tell whether its cached answer is stale.
     */
    public long revision(String serviceId) {
        AtomicLong revision = revisions.get(serviceId);
        return revision == null ? 0 : revision.get();
    }

    private void changed(String serviceId) {
        revisions.computeIfAbsent(serviceId, k -> new AtomicLong()).incrementAndGet();
    }

    public Optional<Namespace> namespace(String namespaceId) {
        return Optional.ofNullable(namespaces.get(namespaceId));
    }

    public Optional<Namespace> namespaceNamed(String name) {
        String wanted = stripDot(name);
        return namespaces.values().stream().filter(n -> n.name().equals(wanted)).findFirst();
    }

    public DiscoveryService createService(DiscoveryServiceSpec spec) {
        Namespace namespace = namespaces.get(spec.namespaceId());
        if (namespace == null) {
            throw new NoSuchElementException("namespace " + spec.namespaceId() + " does not exist");
        }
        String id = AwsIds.discoveryServiceId();
        return createService(spec, id, ids.arn("servicediscovery", "service/" + id));
    }

    /** Creates a service whose id and ARN the control plane already chose. */
    public DiscoveryService createService(DiscoveryServiceSpec spec, String id, String arn) {
        Namespace namespace = namespaces.get(spec.namespaceId());
        if (namespace == null) {
            throw new NoSuchElementException("namespace " + spec.namespaceId() + " does not exist");
        }
        DiscoveryService service = new DiscoveryService(id, arn,
                new DiscoveryServiceSpec(spec.namespaceId(), spec.name().toLowerCase(Locale.ROOT), spec.dnsRecords()),
                namespace.name());
        services.put(id, service);
        instances.put(id, new ConcurrentHashMap<>());
        return service;
    }

    /** Deletes a service; like Cloud Map, refuses while instances are registered. */
    public void deleteService(String serviceId) {
        Map<String, ServiceInstance> registered = instances.getOrDefault(serviceId, Map.of());
        if (!registered.isEmpty()) {
            throw new IllegalStateException("service " + serviceId + " still has " + registered.size()
                    + " registered instances; deregister them (stop the ECS service) first");
        }
        services.remove(serviceId);
        instances.remove(serviceId);
        revisions.remove(serviceId);
    }

    public Optional<DiscoveryService> service(String serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    public void registerInstance(String serviceId, String instanceId, Map<String, String> attributes, boolean healthy) {
        Map<String, ServiceInstance> registered = instances.get(serviceId);
        if (registered == null) {
            throw new NoSuchElementException("Cloud Map service " + serviceId + " does not exist");
        }
        registered.put(instanceId, new ServiceInstance(serviceId, instanceId, attributes, healthy));
        changed(serviceId);
    }

    public void deregisterInstance(String serviceId, String instanceId) {
        Map<String, ServiceInstance> registered = instances.get(serviceId);
        if (registered != null && registered.remove(instanceId) != null) {
            changed(serviceId);
        }
    }

    /** The custom health status of an instance ({@code UpdateInstanceCustomHealthStatus}). */
    public void setInstanceHealth(String serviceId, String instanceId, boolean healthy) {
        Map<String, ServiceInstance> registered = instances.get(serviceId);
        if (registered != null) {
            ServiceInstance before = registered.get(instanceId);
            registered.computeIfPresent(instanceId, (k, v) -> v.withHealth(healthy));
            if (before != null && before.healthy() != healthy) {
                changed(serviceId);
            }
        }
    }

    public List<ServiceInstance> instances(String serviceId) {
        return List.copyOf(instances.getOrDefault(serviceId, Map.of()).values());
    }

    /**
     * {@code DiscoverInstances}: instances of {@code namespace/service} whose attributes contain every query
     * parameter, healthy ones only when {@code healthyOnly}.
     */
    public List<ServiceInstance> discoverInstances(String namespaceName, String serviceName,
                                                   Map<String, String> queryParameters, boolean healthyOnly) {
        String ns = stripDot(namespaceName);
        String svc = serviceName.toLowerCase(Locale.ROOT);
        List<ServiceInstance> found = new ArrayList<>();
        for (DiscoveryService service : services.values()) {
            if (service.namespaceName().equals(ns) && service.name().equals(svc)) {
                for (ServiceInstance instance : instances(service.id())) {
                    boolean matches = queryParameters.entrySet().stream()
                            .allMatch(q -> q.getValue().equals(instance.attributes().get(q.getKey())));
                    if (matches && (!healthyOnly || instance.healthy())) {
                        found.add(instance);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public boolean isAuthoritativeFor(Name name) {
        String text = stripDot(name.toString());
        return namespaces.values().stream()
                .filter(n -> n.spec().type() != NamespaceSpec.NamespaceType.HTTP)
                .anyMatch(n -> text.equals(n.name()) || text.endsWith("." + n.name()));
    }

    @Override
    public List<Record> recordsFor(Name name) {
        String text = stripDot(name.toString());
        for (DiscoveryService service : services.values()) {
            Namespace namespace = namespaces.get(service.spec().namespaceId());
            if (namespace == null || namespace.spec().type() == NamespaceSpec.NamespaceType.HTTP
                    || service.spec().dnsRecords().isEmpty()) {
                continue;
            }
            String serviceName = service.name() + "." + namespace.name();
            if (text.equals(serviceName)) {
                return serviceRecords(service, name);
            }
            if (text.endsWith("." + serviceName)) {
                String instanceLabel = text.substring(0, text.length() - serviceName.length() - 1);
                return answerable(service).stream()
                        .filter(i -> i.instanceId().equalsIgnoreCase(instanceLabel))
                        .map(i -> aRecord(name, i, ttl(service, "A")))
                        .filter(r -> r != null)
                        .toList();
            }
        }
        return List.of();
    }

    private List<Record> serviceRecords(DiscoveryService service, Name name) {
        List<ServiceInstance> answerable = answerable(service);
        List<Record> records = new ArrayList<>();
        boolean wantsA = service.spec().dnsRecords().stream().anyMatch(r -> r.type().equalsIgnoreCase("A"));
        boolean wantsSrv = service.spec().dnsRecords().stream().anyMatch(r -> r.type().equalsIgnoreCase("SRV"))
                || answerable.stream().map(i -> i.port(0)).distinct().count() > 1;
        for (ServiceInstance instance : answerable) {
            if (wantsA) {
                Record a = aRecord(name, instance, ttl(service, "A"));
                if (a != null) {
                    records.add(a);
                }
            }
            if (wantsSrv && instance.port(0) > 0) {
                try {
                    Name target = Name.fromString(instance.instanceId().toLowerCase(Locale.ROOT) + "." + name);
                    records.add(new SRVRecord(name, DClass.IN, ttl(service, "SRV"), 1, 1, instance.port(0), target));
                } catch (TextParseException e) {
                    // an instance id that is not a DNS label cannot be published as SRV
                }
            }
        }
        return records;
    }

    private List<ServiceInstance> answerable(DiscoveryService service) {
        Collection<ServiceInstance> all = instances.getOrDefault(service.id(), Map.of()).values();
        List<ServiceInstance> healthy = all.stream().filter(ServiceInstance::healthy).toList();
        return healthy.isEmpty() ? List.copyOf(all) : healthy;
    }

    private long ttl(DiscoveryService service, String type) {
        long template = service.spec().dnsRecords().stream().filter(r -> r.type().equalsIgnoreCase(type))
                .mapToLong(DiscoveryServiceSpec.DnsRecordSpec::ttlSeconds).findFirst()
                .orElse(service.spec().dnsRecords().get(0).ttlSeconds());
        return timings.dnsTtlSeconds(template);
    }

    private static Record aRecord(Name name, ServiceInstance instance, long ttl) {
        if (instance.ipv4() == null) {
            return null;
        }
        try {
            return new ARecord(name, DClass.IN, ttl, InetAddress.getByName(instance.ipv4()));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String stripDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
