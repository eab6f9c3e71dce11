package dev.meshwalk.localcloud.dataplane;

import dev.meshwalk.localcloud.dataplane.ecs.AppCatalog;
import dev.meshwalk.localcloud.dataplane.ecs.DiscardingTelemetrySidecars;
import dev.meshwalk.localcloud.dataplane.ecs.ImageMap;
import dev.meshwalk.localcloud.dataplane.ecs.TelemetrySidecars;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerTelemetry;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectTelemetry;
import java.util.Objects;

/**
 * How to start a {@link DataPlane}. Only {@code apps} has no default: the composition root passes the real demo
 * apps ({@code FrontApp::start}, {@code ColorApp::start}) and tests pass fakes.
 *
 * @param telemetrySidecars what X-Ray daemon and CloudWatch agent containers run (the telemetry intake); the
 *                          default only holds their ports open and drops what arrives
 * @param proxyTelemetry    where mesh proxies report each request (the telemetry intake); default: nowhere
 * @param loadBalancerTelemetry where load balancers report each request ({@code AWS/ApplicationELB}); default: nowhere
 * @param alarms            CloudWatch alarm states, which ECS deployments with alarms watch; default: none fires
 * @param serviceConnectTelemetry where Service Connect proxies report each request ({@code AWS/ECS}); default: nowhere
 */
public record DataPlaneConfig(LocalTimings timings, ImageMap imageMap, AppCatalog apps,
                              TelemetrySidecars telemetrySidecars, ProxyTelemetry proxyTelemetry, String region,
                              String accountId, LoadBalancerTelemetry loadBalancerTelemetry,
                              AlarmStates alarms, ServiceConnectTelemetry serviceConnectTelemetry) {

    public DataPlaneConfig {
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(imageMap, "imageMap");
        Objects.requireNonNull(apps, "apps (the demo apps the tasks run)");
        Objects.requireNonNull(telemetrySidecars, "telemetrySidecars");
        Objects.requireNonNull(proxyTelemetry, "proxyTelemetry");
        Objects.requireNonNull(loadBalancerTelemetry, "loadBalancerTelemetry");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(serviceConnectTelemetry, "serviceConnectTelemetry");
    }

    /** Default timings, image map and region {@code us-east-1}, account {@code 000000000000}, no telemetry intake. */
    public static DataPlaneConfig defaults(AppCatalog apps) {
        return new DataPlaneConfig(LocalTimings.defaults(), ImageMap.defaults(), apps, new DiscardingTelemetrySidecars(),
                ProxyTelemetry.none(), "us-east-1", "000000000000", LoadBalancerTelemetry.none(),
                AlarmStates.none(), ServiceConnectTelemetry.none());
    }

    public DataPlaneConfig withTimings(LocalTimings newTimings) {
        return new DataPlaneConfig(newTimings, imageMap, apps, telemetrySidecars, proxyTelemetry, region, accountId,
                loadBalancerTelemetry, alarms, serviceConnectTelemetry);
    }

    public DataPlaneConfig withImageMap(ImageMap newImageMap) {
        return new DataPlaneConfig(timings, newImageMap, apps, telemetrySidecars, proxyTelemetry, region, accountId,
                loadBalancerTelemetry, alarms, serviceConnectTelemetry);
    }

    public DataPlaneConfig withTelemetry(TelemetrySidecars sidecars, ProxyTelemetry proxies) {
        return new DataPlaneConfig(timings, imageMap, apps, sidecars, proxies, region, accountId,
                loadBalancerTelemetry, alarms, serviceConnectTelemetry);
    }

    public DataPlaneConfig withLoadBalancerTelemetry(LoadBalancerTelemetry telemetry) {
        return new DataPlaneConfig(timings, imageMap, apps, telemetrySidecars, proxyTelemetry, region, accountId, telemetry, alarms,
                serviceConnectTelemetry);
    }

    public DataPlaneConfig withAccount(String newRegion, String newAccountId) {
        return new DataPlaneConfig(timings, imageMap, apps, telemetrySidecars, proxyTelemetry, newRegion, newAccountId,
                loadBalancerTelemetry, alarms, serviceConnectTelemetry);
    }

    /** The alarm states ECS deployments watch (CloudWatch's alarms, wired by the {@code LocalCloud} facade). */
    public DataPlaneConfig withAlarms(AlarmStates newAlarms) {
        return new DataPlaneConfig(timings, imageMap, apps, telemetrySidecars, proxyTelemetry, region, accountId,
                loadBalancerTelemetry, newAlarms, serviceConnectTelemetry);
    }

    /** Where Service Connect proxies report their requests (the telemetry intake's {@code AWS/ECS} metrics). */
    public DataPlaneConfig withServiceConnectTelemetry(ServiceConnectTelemetry telemetry) {
        return new DataPlaneConfig(timings, imageMap, apps, telemetrySidecars, proxyTelemetry, region, accountId,
                loadBalancerTelemetry, alarms, telemetry);
    }
}
