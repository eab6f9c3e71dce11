package dev.meshwalk.localcloud.service.cloudmap;

import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.ServiceInstance;
import dev.meshwalk.localcloud.provider.CloudMapResources;
import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Cloud Map's read API (JSON 1.1, target prefix {@code Route53AutoNaming_v20170314}) over the data plane's live
 * registry: the namespaces and services the stacks made, the instances ECS registered for its tasks (with
 * {@code AWS_INSTANCE_IPV4}, {@code AWS_INSTANCE_PORT} and the {@code ECS_*} attributes) and their health, and
 * {@code DiscoverInstances}, the API lookup Service Connect and App Mesh do instead of DNS. What only the template
 * says (routing policy, health check config, description) comes from the stack's record.
 */
public final class CloudMapApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("ListNamespaces", "GetNamespace", "ListServices",
            "GetService", "ListInstances", "GetInstance", "GetInstancesHealthStatus", "DiscoverInstances");
    /** {@code MaxResults} 1-100 (default 100); {@code NextToken} is the decimal offset of the next page. */
    private static final Paging PAGING = Paging.decimalTokens("NextToken",
                    token -> CloudMapErrors.invalidInput("NextToken '" + token + "' was not handed out by this service"))
            .sized("MaxResults", 100, 1, 100, max -> CloudMapErrors.invalidInput("MaxResults must be between 1 and 100"));
    private static final Set<String> HEALTH_FILTERS = Set.of("HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL");

    private final CloudMap live;
    private final CloudMapResources records;
    private final Clock clock;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();

    public CloudMapApiService(CloudMap live, CloudMapResources records) {
        this(live, records, Clock.systemUTC());
    }

    CloudMapApiService(CloudMap live, CloudMapResources records, Clock clock) {
        this.live = live;
        this.records = records;
        this.clock = clock;
        records.addListener(new ResourceListener() {
            @Override
            public void created(ResourceRecord record) {
                created.put(record.physicalId(), clock.instant());
            }

            @Override
            public void deleted(ResourceRecord record) {
                created.remove(record.physicalId());
            }
        });
    }

    @Override
    public String signingName() {
        return "servicediscovery";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "ListNamespaces" -> PAGING.answer(namespaces(input.structs("Filters")), input, "Namespaces",
                    n -> namespace(n, context, false));
            case "GetNamespace" -> Map.of("Namespace", namespace(live.namespace(input.required("Id"))
                    .orElseThrow(() -> CloudMapErrors.namespaceNotFound(input.required("Id"))), context, true));
            case "ListServices" -> PAGING.answer(services(input.structs("Filters")), input, "Services",
                    s -> service(s, context, false));
            case "GetService" -> Map.of("Service", service(requireService(input.required("Id")), context, true));
            case "ListInstances" -> listInstances(input, context);
            case "GetInstance" -> getInstance(input, context);
            case "GetInstancesHealthStatus" -> healthStatus(input);
            case "DiscoverInstances" -> discover(input);
            default -> throw new IllegalArgumentException(operation + " is not a Cloud Map operation of this service");
        };
    }

    private List<Namespace> namespaces(List<Params> filters) {
        return live.namespaces().stream()
                .filter(n -> filters.stream().allMatch(f -> switch (f.required("Name")) {
                    case "TYPE" -> Filters.matches(f, typeName(n));
                    case "NAME", "HTTP_NAME" -> Filters.matches(f, n.name());
                    default -> throw CloudMapErrors.invalidInput("Unknown namespace filter " + f.required("Name")
                            + "; use TYPE, NAME or HTTP_NAME");
                }))
                .sorted(Comparator.comparing(Namespace::name)).toList();
    }

    private List<DiscoveryService> services(List<Params> filters) {
        return live.services().stream()
                .filter(s -> filters.stream().allMatch(f -> switch (f.required("Name")) {
                    case "NAMESPACE_ID" -> Filters.matches(f, s.spec().namespaceId());
                    default -> throw CloudMapErrors.invalidInput("Unknown service filter " + f.required("Name")
                            + "; use NAMESPACE_ID");
                }))
                .sorted(Comparator.comparing(DiscoveryService::namespaceName).thenComparing(DiscoveryService::name))
                .toList();
    }

    private Map<String, Object> namespace(Namespace n, RequestContext context, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", n.id());
        out.put("Arn", n.arn());
        out.put("ResourceOwner", context.accountId());
        out.put("Name", n.name());
        out.put("Type", typeName(n));
        ResourceRecord record = records.get(n.id()).orElse(null);
        if (record != null && record.properties().get("Description") != null) {
            out.put("Description", String.valueOf(record.properties().get("Description")));
        }
        out.put("ServiceCount", live.services().stream().filter(s -> s.spec().namespaceId().equals(n.id())).count());
        Map<String, Object> properties = new LinkedHashMap<>();
        if (n.spec().type() != NamespaceSpec.NamespaceType.HTTP && record != null) {
            properties.put("DnsProperties", Map.of("HostedZoneId", String.valueOf(record.attributes().get("HostedZoneId")),
                    "SOA", Map.of("TTL", 15)));
        }
        properties.put("HttpProperties", Map.of("HttpName", n.name()));
        out.put("Properties", properties);
        out.put("CreateDate", createdAt(n.id()));
        if (full) {
            out.put("CreatorRequestId", n.id());
        }
        return out;
    }

    private Map<String, Object> service(DiscoveryService s, RequestContext context, boolean full) {
        Map<String, Object> template = records.get(s.id()).map(ResourceRecord::properties).orElse(Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", s.id());
        out.put("Arn", s.arn());
        out.put("ResourceOwner", context.accountId());
        out.put("Name", s.name());
        if (full) {
            out.put("NamespaceId", s.spec().namespaceId());
        }
        if (template.get("Description") != null) {
            out.put("Description", String.valueOf(template.get("Description")));
        }
        out.put("InstanceCount", live.instances(s.id()).size());
        if (!s.spec().dnsRecords().isEmpty()) {
            Map<String, Object> dns = new LinkedHashMap<>();
            if (full) {
                dns.put("NamespaceId", s.spec().namespaceId());
            }
            Object policy = template.get("DnsConfig") instanceof Map<?, ?> m ? m.get("RoutingPolicy") : null;
            dns.put("RoutingPolicy", policy == null ? "MULTIVALUE" : String.valueOf(policy));
            dns.put("DnsRecords", s.spec().dnsRecords().stream()
                    .map(r -> (Object) Map.of("Type", r.type(), "TTL", r.ttlSeconds())).toList());
            out.put("DnsConfig", dns);
        }
        out.put("Type", s.spec().dnsRecords().isEmpty() ? "HTTP" : "DNS_HTTP");
        if (template.get("HealthCheckCustomConfig") instanceof Map<?, ?> custom) {
            Object threshold = custom.get("FailureThreshold");
            out.put("HealthCheckCustomConfig", threshold == null ? Map.of()
                    : Map.of("FailureThreshold", Integer.parseInt(String.valueOf(threshold).trim())));
        }
        out.put("CreateDate", createdAt(s.id()));
        if (full) {
            out.put("CreatorRequestId", s.id());
        }
        out.put("CreatedByAccount", context.accountId());
        return out;
    }

    private Map<String, Object> listInstances(Params input, RequestContext context) {
        DiscoveryService service = requireService(input.required("ServiceId"));
        Map<String, Object> out = PAGING.answer(instancesOf(service), input, "Instances", i -> instance(i, context));
        out.put("ResourceOwner", context.accountId());
        return out;
    }

    private Map<String, Object> getInstance(Params input, RequestContext context) {
        DiscoveryService service = requireService(input.required("ServiceId"));
        String id = input.required("InstanceId");
        ServiceInstance instance = live.instances(service.id()).stream().filter(i -> i.instanceId().equals(id))
                .findFirst().orElseThrow(() -> CloudMapErrors.instanceNotFound(id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ResourceOwner", context.accountId());
        out.put("Instance", instance(instance, context));
        return out;
    }

    private Map<String, Object> healthStatus(Params input) {
        DiscoveryService service = requireService(input.required("ServiceId"));
        List<String> wanted = input.strings("Instances");
        Map<String, Object> status = new LinkedHashMap<>();
        for (ServiceInstance i : instancesOf(service)) {
            if (wanted.isEmpty() || wanted.contains(i.instanceId())) {
                status.put(i.instanceId(), i.healthy() ? "HEALTHY" : "UNHEALTHY");
            }
        }
        for (String id : wanted) {
            if (!status.containsKey(id)) {
                throw CloudMapErrors.instanceNotFound(id);
            }
        }
        return Map.of("Status", status);
    }

    private Map<String, Object> discover(Params input) {
        String namespaceName = input.required("NamespaceName");
        String serviceName = input.required("ServiceName");
        String health = input.string("HealthStatus").orElse("HEALTHY");
        if (!HEALTH_FILTERS.contains(health)) {
            throw CloudMapErrors.invalidInput("HealthStatus must be one of " + HEALTH_FILTERS + ", not " + health);
        }
        int max = input.integer("MaxResults").orElse(100);
        if (max < 1 || max > 1000) {
            throw CloudMapErrors.invalidInput("MaxResults must be between 1 and 1000");
        }
        Namespace namespace = live.namespaceNamed(namespaceName)
                .orElseThrow(() -> CloudMapErrors.namespaceNotFound(namespaceName));
        DiscoveryService service = live.services().stream()
                .filter(s -> s.spec().namespaceId().equals(namespace.id()) && s.name().equalsIgnoreCase(serviceName))
                .findFirst().orElseThrow(() -> CloudMapErrors.serviceNotFound(serviceName + " in " + namespaceName));
        Map<String, String> query = stringMap(input.tree().get("QueryParameters"));
        Map<String, String> optional = stringMap(input.tree().get("OptionalParameters"));
        List<ServiceInstance> matching = live.discoverInstances(namespace.name(), service.name(), query, false);
        List<ServiceInstance> preferred = matching.stream().filter(i -> optional.entrySet().stream()
                .allMatch(o -> o.getValue().equals(i.attributes().get(o.getKey())))).toList();
        List<ServiceInstance> candidates = preferred.isEmpty() ? matching : preferred;
        List<ServiceInstance> healthy = candidates.stream().filter(ServiceInstance::healthy).toList();
        List<ServiceInstance> chosen = switch (health) {
            case "HEALTHY" -> healthy;
            case "UNHEALTHY" -> candidates.stream().filter(i -> !i.healthy()).toList();
            case "HEALTHY_OR_ELSE_ALL" -> healthy.isEmpty() ? candidates : healthy;
            default -> candidates;
        };
        List<Object> instances = new ArrayList<>();
        chosen.stream().sorted(Comparator.comparing(ServiceInstance::instanceId)).limit(max).forEach(i -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("InstanceId", i.instanceId());
            summary.put("NamespaceName", namespace.name());
            summary.put("ServiceName", service.name());
            summary.put("HealthStatus", i.healthy() ? "HEALTHY" : "UNHEALTHY");
            summary.put("Attributes", i.attributes());
            instances.add(summary);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Instances", instances);
        out.put("InstancesRevision", live.revision(service.id()));
        return out;
    }

    private List<ServiceInstance> instancesOf(DiscoveryService service) {
        return live.instances(service.id()).stream().sorted(Comparator.comparing(ServiceInstance::instanceId)).toList();
    }

    private static Map<String, Object> instance(ServiceInstance i, RequestContext context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", i.instanceId());
        out.put("Attributes", i.attributes());
        out.put("CreatedByAccount", context.accountId());
        return out;
    }

    private DiscoveryService requireService(String id) {
        return live.service(id).orElseThrow(() -> CloudMapErrors.serviceNotFound(id));
    }

    private Instant createdAt(String id) {
        return created.computeIfAbsent(id, k -> clock.instant());
    }

    private static String typeName(Namespace n) {
        return switch (n.spec().type()) {
            case PRIVATE_DNS -> "DNS_PRIVATE";
            case PUBLIC_DNS -> "DNS_PUBLIC";
            case HTTP -> "HTTP";
        };
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else if (value != null) {
            throw CloudMapErrors.invalidInput("QueryParameters and OptionalParameters must be maps of text");
        }
        return out;
    }
}
