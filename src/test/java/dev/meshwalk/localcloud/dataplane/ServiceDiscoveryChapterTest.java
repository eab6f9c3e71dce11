package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.Listener;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Chapter 1 with the real demo apps: color tasks register in a Cloud Map service, front resolves
 * {@code color.<project>.pvtdns} through the local DNS server and spreads its calls over every answer.
 */
class ServiceDiscoveryChapterTest {

    private static final String P = "howto-ecs-basics";

    private static TaskDefinitionSpec task(String family, String image, Map<String, String> env) {
        return new TaskDefinitionSpec(family, List.of(
                new ContainerSpec("app", image, true, env, List.of(8080), List.of(), null),
                new ContainerSpec("xray", "amazon/aws-xray-daemon", true, Map.of(), List.of(2000), List.of(), null)),
                null);
    }

    @Test
    void frontDiscoversEveryColorTaskThroughCloudMapDns() throws Exception {
        FakeApps apps = new FakeApps();
        try (DataPlane dataPlane = DataPlane.start(DataPlaneConfig.defaults(apps.realApps())
                .withTimings(TestDataPlanes.FAST))) {
            dataPlane.ecs().createCluster(P);
            Namespace ns = dataPlane.cloudMap().createNamespace(new NamespaceSpec(P + ".pvtdns",
                    NamespaceSpec.NamespaceType.PRIVATE_DNS));
            DiscoveryService color = dataPlane.cloudMap().createService(new DiscoveryServiceSpec(ns.id(), "color",
                    List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 300))));
            List<EcsService> colors = new ArrayList<>();
            for (String c : List.of("green", "blue", "red")) {
                TaskDefinition def = dataPlane.ecs().registerTaskDefinition(task(P + "-color-" + c, "colorapp:1",
                        Map.of("COLOR", c, "PORT", "8080")));
                colors.add(dataPlane.ecs().createService(new ServiceSpec(P, "color-" + c, def.arn(), 1, List.of(),
                        List.of(new ServiceSpec.RegistryBinding(color.id(), null, null)))));
            }
            LoadBalancer alb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("public", false));
            TargetGroup tg = dataPlane.loadBalancers().createTargetGroup(new TargetGroupSpec("front", 8080,
                    new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
            Listener listener = dataPlane.loadBalancers().createListener(alb.arn(), 80, tg.arn());
            TaskDefinition frontDef = dataPlane.ecs().registerTaskDefinition(task(P + "-front", "feapp:1",
                    Map.of("COLOR_HOST", "color." + P + ".pvtdns:8080", "PORT", "8080")));
            EcsService front = dataPlane.ecs().createService(new ServiceSpec(P, "front", frontDef.arn(), 1,
                    List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)), List.of()));
            for (EcsService s : colors) {
                s.steadyState().get(15, TimeUnit.SECONDS);
            }
            front.steadyState().get(15, TimeUnit.SECONDS);

            HttpResponse<String> last = null;
            for (int i = 0; i < 60; i++) {
                last = get(listener.url() + "/color");
                assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
            }

            assertThat(last.body()).contains("\"stats\"").contains("\"green\"").contains("\"blue\"").contains("\"red\"");
        }
    }
}
