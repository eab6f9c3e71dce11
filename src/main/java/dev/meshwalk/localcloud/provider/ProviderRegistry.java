package dev.meshwalk.localcloud.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each CloudFormation resource type to the provider that realises it, and owns the families' stores so
 * the data plane can hook into them (see {@link ResourceListener}). A type with no provider is not skipped:
 * the engine fails that resource with "is not supported by the local cloud".
 */
public final class ProviderRegistry {

    private final Map<String, ResourceProvider> byType = new LinkedHashMap<>();
    private final Ec2Resources ec2 = new Ec2Resources();
    private final IamResources iam = new IamResources();
    private final LogsResources logs = new LogsResources();
    private final EcsResources ecs = new EcsResources();
    private final Elbv2Resources elbv2 = new Elbv2Resources();
    private final CloudMapResources cloudMap = new CloudMapResources();
    private final Route53Resources route53 = new Route53Resources();
    private final AppMeshResources appMesh = new AppMeshResources();
    private final DashboardResources dashboards = new DashboardResources();
    private final AlarmResources alarms = new AlarmResources();

    private ProviderRegistry() {
    }

    /** Every family the chapter stacks use, each with fresh, empty state. */
    public static ProviderRegistry standard() {
        ProviderRegistry r = new ProviderRegistry();
        r.register(new Ec2Provider(r.ec2));
        r.register(new IamProvider(r.iam));
        r.register(new LogsProvider(r.logs));
        r.register(new EcsProvider(r.ecs));
        r.register(new Elbv2Provider(r.elbv2));
        r.register(new ServiceDiscoveryProvider(r.cloudMap));
        r.register(new Route53Provider(r.route53));
        r.register(new AppMeshProvider(r.appMesh));
        r.register(new CloudWatchProvider(r.dashboards));
        r.register(new CloudWatchAlarmProvider(r.alarms));
        return r;
    }

    /** Adds (or overrides) a provider for its types, e.g. a test double or a data-plane-backed family. */
    public ProviderRegistry register(ResourceProvider provider) {
        for (String type : provider.resourceTypes()) {
            byType.put(type, provider);
        }
        return this;
    }

    public Optional<ResourceProvider> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public List<String> supportedTypes() {
        return List.copyOf(byType.keySet());
    }

    public Ec2Resources ec2() {
        return ec2;
    }

    public IamResources iam() {
        return iam;
    }

    public LogsResources logs() {
        return logs;
    }

    public EcsResources ecs() {
        return ecs;
    }

    public Elbv2Resources elbv2() {
        return elbv2;
    }

    public CloudMapResources cloudMap() {
        return cloudMap;
    }

    public Route53Resources route53() {
        return route53;
    }

    public AppMeshResources appMesh() {
        return appMesh;
    }

    public DashboardResources dashboards() {
        return dashboards;
    }

    public AlarmResources alarms() {
        return alarms;
    }
}
