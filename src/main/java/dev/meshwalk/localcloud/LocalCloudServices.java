package dev.meshwalk.localcloud;

import dev.meshwalk.localcloud.dataplane.DataPlane;
import dev.meshwalk.localcloud.dataplane.DataPlaneConfig;
import dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps;
import dev.meshwalk.localcloud.dataplane.telemetry.LoadBalancerMetrics;
import dev.meshwalk.localcloud.dataplane.telemetry.MeshProxyTelemetry;
import dev.meshwalk.localcloud.dataplane.telemetry.MetricSink;
import dev.meshwalk.localcloud.dataplane.telemetry.ServiceConnectMetrics;
import dev.meshwalk.localcloud.dataplane.telemetry.SegmentSink;
import dev.meshwalk.localcloud.dataplane.telemetry.SharedIntakeSidecars;
import dev.meshwalk.localcloud.dataplane.telemetry.TelemetryIntake;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.engine.SavedStacks;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.runtime.DataPlaneBridge;
import dev.meshwalk.localcloud.service.appmesh.AppMeshApiService;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import dev.meshwalk.localcloud.service.cloudmap.CloudMapApiService;
import dev.meshwalk.localcloud.service.ec2.Ec2TagsService;
import dev.meshwalk.localcloud.service.ecs.EcsApiService;
import dev.meshwalk.localcloud.service.logs.LogsApiService;
import dev.meshwalk.localcloud.service.elbv2.Elbv2ApiService;
import dev.meshwalk.localcloud.service.iam.IamApiService;
import dev.meshwalk.localcloud.service.sts.StsService;
import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricKey;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.cloudwatch.StackAlarms;
import dev.meshwalk.localcloud.service.xray.SegmentRejected;
import dev.meshwalk.localcloud.service.xray.TraceEntity;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The default set of services a local cloud serves, in one place, so that the {@code localcloud} command and
 * the tutorial's embedded local cloud (a background {@code localcloud} process) serve the same thing.
 *
 * <p>One trace store behind the X-Ray API and one metric store behind the CloudWatch API; one telemetry intake
 * delivering into both (what the tasks' X-Ray daemon / CloudWatch agent sidecars stand for); the data plane
 * started with that intake as its sidecars, with the mesh proxies reporting Envoy-like segments and metrics and the
 * load balancers reporting {@code AWS/ApplicationELB} metrics into the same stores, through the intake's relay
 * thread rather than on the data plane's event loop; CloudFormation's providers
 * bridged to that data plane; CloudWatch's alarms fed by the stacks' alarm resources and watched by the data plane's
 * ECS deployments ({@code AlarmStates}). {@link LocalCloud#close()} closes the services, then the data plane (its tasks stop
 * sending), then the intake. How it fits together: {@code docs/telemetry.md}.
 */
public final class LocalCloudServices {

    private LocalCloudServices() {
    }

    /** Adds the default services to the builder and returns it; nothing is kept after {@link LocalCloud#close()}. */
    public static LocalCloud.Builder addDefaults(LocalCloud.Builder builder) {
        return addDefaults(builder, null);
    }

    /**
     * As {@link #addDefaults(LocalCloud.Builder)}, keeping the control plane in {@code storage}: what a previous run
     * saved there is restored first (stacks, their running resources, dashboards), and every change is saved.
     * Notices for the user (a file set aside, resources not brought back) go to {@link LocalCloudStorage#notices()}.
     */
    public static LocalCloud.Builder addDefaults(LocalCloud.Builder builder, LocalCloudStorage storage) {
        XRayService xray = new XRayService(TraceStore.forHeap(Runtime.getRuntime().maxMemory()));
        DataPlaneConfig defaults = DataPlaneConfig.defaults(BuiltInApps.catalog());
        CloudWatchService cloudWatch = new CloudWatchService(new MetricStore(), defaults.timings());
        SegmentSink segments = segmentSink(xray);
        MetricSink metrics = metricSink(cloudWatch.metricStore());
        TelemetryIntake intake = startIntake(segments, metrics);
        DataPlane dataPlane;
        try {
            dataPlane = startDataPlane(defaults
                    .withTelemetry(new SharedIntakeSidecars(intake),
                            intake.relay().proxies(new MeshProxyTelemetry(segments, metrics, intake.statistics())))
                    .withLoadBalancerTelemetry(intake.relay().loadBalancers(
                            new LoadBalancerMetrics(metrics, intake.statistics())))
                    .withServiceConnectTelemetry(intake.relay().serviceConnect(
                            new ServiceConnectMetrics(metrics, intake.statistics())))
                    .withAlarms(cloudWatch.alarms()));
        } catch (RuntimeException e) {
            intake.close();
            throw e;
        }
        ProviderRegistry providers = ProviderRegistry.standard();
        DataPlaneBridge.attach(providers, dataPlane);
        providers.alarms().addListener(new StackAlarms(cloudWatch.alarms()));
        cloudWatch.alarms().evaluateInBackground();
        builder.onClose(intake, dataPlane); // closed in reverse: the data plane first, then the intake
        CloudFormationEngine engine = new CloudFormationEngine(providers, EngineSettings.defaults());
        if (storage != null) {
            storage.removeLeftoverTempFiles();
            cloudWatch.dashboards().saveIn(storage.directory().resolve(LocalCloudStorage.DASHBOARDS_FILE))
                    .ifPresent(storage::notice);
            SavedEcs ecs = SavedEcs.open(storage.directory().resolve(SavedEcs.FILE), dataPlane.ecs(), providers.ecs());
            ecs.notice().ifPresent(storage::notice);
            builder.onClose(ecs);
            SavedStacks saved = SavedStacks.open(engine, storage.directory().resolve(LocalCloudStorage.STACKS_FILE));
            saved.notice().ifPresent(storage::notice);
            saved.problems().forEach(p -> storage.notice("Not brought back: " + p));
            builder.onClose(saved); // closed first: the state is saved before the data plane stops
        }
        return builder.service(
                new CloudFormationService(engine),
                new Ec2TagsService(engine), // DescribeTags over the stacks' EC2 resources, for teardown's check
                new EcsApiService(dataPlane.ecs(), providers.ecs()),
                new AppMeshApiService(dataPlane.appMesh(), providers.appMesh()),
                new CloudMapApiService(dataPlane.cloudMap(), providers.cloudMap()),
                new LogsApiService(dataPlane.logs()),
                new Elbv2ApiService(dataPlane.loadBalancers(), providers.elbv2(), providers.ec2(), Clock.systemUTC()),
                new IamApiService(providers.iam(), providers.ecs(), providers.appMesh(), providers.elbv2(),
                        Clock.systemUTC()),
                new StsService(),
                cloudWatch,
                xray);
    }

    /**
     * Segments from the intake and the mesh proxies go through the same parse and checks as PutTraceSegments.
     * The sink checks in two halves ({@link SegmentSink#check}), so the OTLP intake can parse on its helper thread
     * while its receiving thread stores. Public for the intake benchmark, which measures this wiring.
     */
    public static SegmentSink segmentSink(XRayService xray) {
        return new SegmentSink() {
            @Override
            public void accept(String document) {
                check(document).store();
            }

            @Override
            public Checked check(String document) {
                TraceEntity entity;
                try {
                    entity = xray.parse(document);
                } catch (SegmentRejected e) {
                    throw new IllegalArgumentException(e.errorCode() + ": " + e.getMessage(), e);
                }
                return () -> xray.put(entity, document);
            }
        };
    }

    /** One datum per call, like a PutMetricData value; {@code AWS/...} namespaces are allowed here. */
    static MetricSink metricSink(MetricStore store) {
        return (namespace, name, dimensions, value, unit, time) ->
                store.putValue(MetricKey.of(namespace, name, dimensions), time, value, 1, unit);
    }

    private static TelemetryIntake startIntake(SegmentSink segments, MetricSink metrics) {
        try {
            return TelemetryIntake.start(TelemetryIntake.Config.loopback(), segments, metrics);
        } catch (UncheckedIOException e) {
            throw new LocalCloudStartException("could not start the local telemetry intake: " + e.getMessage(),
                    false, e);
        }
    }

    /** The data plane that runs what stacks deploy (tasks, load balancers, DNS, mesh proxies). */
    private static DataPlane startDataPlane(DataPlaneConfig config) {
        try {
            return DataPlane.start(config);
        } catch (IOException e) {
            throw new LocalCloudStartException("could not start the local data plane (DNS server on 127.0.0.1): "
                    + e.getMessage() + ". Check that loopback networking works and try again.", false, e);
        }
    }
}
