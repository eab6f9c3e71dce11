package dev.meshwalk.localcloud;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.DataPlaneConfig;
import dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.runtime.DataPlaneBridge;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import java.io.IOException;

/**
 * The default set of services a local cloud serves, in one place, so that the {@code localcloud} command and
 * the tutorial's embedded local cloud serve the same thing.
 *
 * <p>It registers each service (CloudFormation, X-Ray, CloudWatch) and the resources they share (stores,
 * the data plane) with {@link LocalCloud.Builder#onClose} so that closing the local cloud stops them all.
 * The services are built by other parts of the project; until they are merged in, this registers none and
 * the endpoint answers every AWS request with an AWS-shaped "not served" error.
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
        builder.service(new CloudFormationService(new CloudFormationEngine(providers, EngineSettings.defaults())));
        return builder;
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
