package dev.meshwalk.localcloud;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.DataPlaneConfig;
import dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.runtime.DataPlaneBridge;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.io.IOException;

/**
 * The default set of services a local cloud serves, in one place, so that the {@code localcloud} command and
 * the tutorial's embedded local cloud serve the same thing: CloudFormation (engine with the standard
 * providers), CloudWatch and X-Ray, each with a fresh in-memory store.
 *
 * <p>Services that hold threads ({@link CloudFormationService} owns the engine's executors) are
 * {@link AutoCloseable}, which {@link LocalCloud#close()} honours. The data plane and the telemetry intake
 * are not wired here yet: resources that need the data plane get the providers' control-plane realisation
 * until the composition root registers data-plane-backed providers.
 */
public final class LocalCloudServices {

    private LocalCloudServices() {
    }

    /** Adds the default services to the builder and returns it. */
    public static LocalCloud.Builder addDefaults(LocalCloud.Builder builder) {
        ProviderRegistry providers = ProviderRegistry.standard();
        DataPlane dataPlane = startDataPlane();
        DataPlaneBridge.attach(providers, dataPlane);
        builder.onClose(dataPlane);
        return builder.service(
                new CloudFormationService(new CloudFormationEngine(providers, EngineSettings.defaults())),
                new CloudWatchService(new MetricStore()),
                new XRayService(new TraceStore()));
    }

    /** The data plane that runs what stacks deploy (tasks, load balancers, DNS, mesh proxies). */
    private static DataPlane startDataPlane() {
        try {
            return DataPlane.start(DataPlaneConfig.defaults(BuiltInApps.catalog()));
        } catch (IOException e) {
            throw new LocalCloudStartException("could not start the local data plane (DNS server on 127.0.0.1): "
                    + e.getMessage() + ". Check that loopback networking works and try again.", false, e);
        }
    }
}
