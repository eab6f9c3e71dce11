package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.time.Duration;

/**
 * Connects the providers' records to the data plane: once attached, creating a stack's ECS, ELBv2, Cloud Map,
 * Route 53, App Mesh and Logs resources really starts tasks, load balancers, DNS names, mesh proxies and log groups, and a failed
 * deployment fails the resource with the data plane's reason (which rolls the stack back).
 *
 * <p>Opt-in so the engine's own tests keep running without a data plane: the composition root calls
 * {@link #attach} after building the registry.
 */
public final class DataPlaneBridge {

    /** How long a service create/update may take to reach steady state before the resource fails. */
    public static final Duration DEFAULT_STABILIZE_TIMEOUT = Duration.ofMinutes(2);

    private DataPlaneBridge() {
    }

    public static void attach(ProviderRegistry registry, DataPlane dataPlane) {
        attach(registry, dataPlane, DEFAULT_STABILIZE_TIMEOUT);
    }

    public static void attach(ProviderRegistry registry, DataPlane dataPlane, Duration stabilizeTimeout) {
        DiscoveryBridge discovery = new DiscoveryBridge(dataPlane);
        registry.cloudMap().addListener(discovery);
        registry.route53().addListener(discovery);
        registry.elbv2().addListener(new Elbv2Bridge(dataPlane));
        registry.elbv2().useDnsNamer((name, internal, awsStyleName) ->
                dataPlane.loadBalancers().reserveLocalDnsName(internal));
        registry.appMesh().addListener(new AppMeshBridge(dataPlane));
        registry.logs().addListener(new LogsBridge(dataPlane));
        registry.ecs().addListener(new EcsBridge(dataPlane, registry.ecs(), stabilizeTimeout));
    }
}
