package dev.meshwalk.localcloud.provider.runtime;

import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.ecs.DeploymentConfigSpec;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectConfig;
import java.util.List;

/**
 * The parts of an {@code AWS::ECS::Service} that say how it connects and how it deploys:
 * {@code ServiceConnectConfiguration} (the namespace as a name, ARN or id, else the cluster's
 * {@code ServiceConnectDefaults}) and {@code DeploymentConfiguration} (strategy, canary, bake time, circuit breaker,
 * alarms), with ECS's defaults for what a template leaves out.
 */
final class EcsServiceProps {

    private EcsServiceProps() {
    }

    /** The Service Connect configuration, or null when it is absent or {@code Enabled: false}. */
    static ServiceConnectConfig serviceConnect(Props service, String clusterDefaultNamespace, CloudMap cloudMap) {
        if (!service.has("ServiceConnectConfiguration")) {
            return null;
        }
        Props sc = service.child("ServiceConnectConfiguration");
        if (!sc.bool("Enabled", false)) {
            return null;
        }
        String namespace = namespaceName(sc.text("Namespace", clusterDefaultNamespace), cloudMap);
        List<ServiceConnectConfig.Server> servers = sc.list("Services").stream().map(s ->
                new ServiceConnectConfig.Server(s.text("PortName"), s.text("DiscoveryName"),
                        s.list("ClientAliases").stream().map(a -> new ServiceConnectConfig.ClientAlias(
                                a.text("DnsName"), a.integer("Port", 0))).toList(),
                        s.has("IngressPortOverride") ? s.integer("IngressPortOverride", 0) : null)).toList();
        return new ServiceConnectConfig(namespace, servers);
    }

    /** A namespace given by name, {@code ns-} id or ARN, as its name (what clients' names end in). */
    static String namespaceName(String reference, CloudMap cloudMap) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String id = reference.contains(":namespace/") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
        return cloudMap.namespace(id).map(Namespace::name).orElse(reference);
    }

    static DeploymentConfigSpec deployment(Props service) {
        Props dc = service.child("DeploymentConfiguration");
        DeploymentConfigSpec defaults = DeploymentConfigSpec.defaults();
        Props canary = dc.child("CanaryConfiguration");
        Props breaker = dc.child("DeploymentCircuitBreaker");
        Props alarms = dc.child("Alarms");
        return new DeploymentConfigSpec(DeploymentConfigSpec.strategy(dc.text("Strategy")),
                dc.integer("MinimumHealthyPercent", defaults.minimumHealthyPercent()),
                dc.integer("MaximumPercent", defaults.maximumPercent()),
                canary.has("CanaryPercent") ? Double.parseDouble(canary.text("CanaryPercent")) : defaults.canaryPercent(),
                canary.integer("CanaryBakeTimeInMinutes", defaults.canaryBakeTimeInMinutes()),
                dc.integer("BakeTimeInMinutes", defaults.bakeTimeInMinutes()),
                breaker.bool("Enable", false), breaker.bool("Rollback", false),
                alarms.strings("AlarmNames"), alarms.bool("Enable", false), alarms.bool("Rollback", false));
    }
}
