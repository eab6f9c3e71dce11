package dev.meshwalk.localcloud.dataplane;

import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryService;
import dev.meshwalk.localcloud.dataplane.cloudmap.DiscoveryServiceSpec;
import dev.meshwalk.localcloud.dataplane.cloudmap.Namespace;
import dev.meshwalk.localcloud.dataplane.cloudmap.NamespaceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.Listener;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.mesh.AppMesh;
import dev.meshwalk.localcloud.dataplane.mesh.MeshSpec;
import dev.meshwalk.localcloud.dataplane.mesh.RouteSpec;
import dev.meshwalk.localcloud.dataplane.mesh.ServiceDiscoverySpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualNodeSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualRouterSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualServiceSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Bench harness (not a test): chapter 3 with the real apps, 3 tasks per service (9 tasks with their Envoy and
 * agent sidecars), then requests/s and p50/p99 through the full chain (ALB -> front proxy -> front -> front proxy
 * -> color proxy -> color) versus straight to one color app, at a fixed concurrency; and resident memory.
 * Run: see docs/benchmarks/dataplane.md.
 */
public final class DataPlaneBench {

    private static final String P = "howto-ecs-basics";

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        FakeApps apps = new FakeApps();
        long startedAt = System.nanoTime();
        try (DataPlane dp = DataPlane.start(DataPlaneConfig.defaults(apps.realApps()))) {
            Listener listener = deploy(dp);
            System.out.printf("deploy of 9 tasks to steady state: %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
            String colorDirect = apps.started.stream().filter(e -> "green".equals(e.get("COLOR"))).findFirst()
                    .map(e -> "http://" + e.get("BIND_ADDRESS") + ":" + e.get("PORT") + "/").orElseThrow();
            run("warm-up chain", listener.url() + "/color", 500, concurrency);
            run("warm-up direct", colorDirect, 500, concurrency);
            double[] chain = run("chain  ALB->front proxy->front->proxy->color proxy->color", listener.url() + "/color",
                    requests, concurrency);
            double[] direct = run("direct color app", colorDirect, requests, concurrency);
            System.out.printf("chain/direct: throughput x%.2f, p50 x%.2f, p99 x%.2f%n", direct[0] / chain[0],
                    chain[1] / direct[1], chain[2] / direct[2]);
            System.gc();
            Thread.sleep(500);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after GC: %d MiB; threads: %d; %s%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, Thread.activeCount(), rss());
        }
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: n/a").replaceAll("\\s+", " ");
    }

    private static double[] run(String label, String url, int requests, int concurrency) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] errors = new int[1];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < requests / concurrency; i++) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                    } catch (Exception e) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        double rps = sorted.size() / seconds;
        System.out.printf("%-60s %6d req, c=%d: %8.0f req/s, p50 %6.2f ms, p99 %6.2f ms, errors %d%n", label,
                sorted.size(), concurrency, rps, p50, p99, errors[0]);
        return new double[] {rps, p50, p99};
    }

    private static Listener deploy(DataPlane dp) throws Exception {
        dp.ecs().createCluster(P);
        Namespace ns = dp.cloudMap().createNamespace(new NamespaceSpec(P + ".pvtdns", NamespaceSpec.NamespaceType.PRIVATE_DNS));
        DiscoveryService color = dp.cloudMap().createService(new DiscoveryServiceSpec(ns.id(), "color",
                List.of(new DiscoveryServiceSpec.DnsRecordSpec("A", 300))));
        AppMesh mesh = dp.appMesh();
        mesh.createMesh(new MeshSpec(P, false));
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-color-node", List.of(8080),
                new ServiceDiscoverySpec.CloudMap(P + ".pvtdns", "color", Map.of("ECS_TASK_DEFINITION_FAMILY", P + "-color")), List.of()));
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-color-v2-node", List.of(8080),
                new ServiceDiscoverySpec.CloudMap(P + ".pvtdns", "color", Map.of("ECS_TASK_DEFINITION_FAMILY", P + "-color-v2")), List.of()));
        String vs = "color." + P + ".mesh.local";
        mesh.putVirtualNode(P, new VirtualNodeSpec(P + "-front-node", List.of(8080), null, List.of(vs)));
        mesh.putVirtualRouter(P, new VirtualRouterSpec(P + "-color-router", List.of(8080)));
        mesh.putRoute(P, new RouteSpec(P + "-color-router", "route", null, new RouteSpec.Match("/", List.of()),
                List.of(new RouteSpec.WeightedTarget(P + "-color-node", 50), new RouteSpec.WeightedTarget(P + "-color-v2-node", 50)),
                null, null));
        mesh.putVirtualService(P, new VirtualServiceSpec(vs, null, P + "-color-router"));
        TaskDefinition green = dp.ecs().registerTaskDefinition(MeshChainTest.meshTask(P + "-color", "colorapp", P + "-color-node",
                Map.of("COLOR", "green", "PORT", "8080")));
        TaskDefinition blue = dp.ecs().registerTaskDefinition(MeshChainTest.meshTask(P + "-color-v2", "colorapp", P + "-color-v2-node",
                Map.of("COLOR", "blue", "PORT", "8080")));
        TaskDefinition front = dp.ecs().registerTaskDefinition(MeshChainTest.meshTask(P + "-front", "feapp", P + "-front-node",
                Map.of("COLOR_HOST", vs + ":8080", "PORT", "8080")));
        LoadBalancer alb = dp.loadBalancers().createLoadBalancer(new LoadBalancerSpec("public", false));
        TargetGroup tg = dp.loadBalancers().createTargetGroup(new TargetGroupSpec("front", 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
        Listener listener = dp.loadBalancers().createListener(alb.arn(), 80, tg.arn());
        List<ServiceSpec.RegistryBinding> registry = List.of(new ServiceSpec.RegistryBinding(color.id(), null, null));
        List<EcsService> services = List.of(
                dp.ecs().createService(new ServiceSpec(P, "color", green.arn(), 3, List.of(), registry)),
                dp.ecs().createService(new ServiceSpec(P, "color-v2", blue.arn(), 3, List.of(), registry)),
                dp.ecs().createService(new ServiceSpec(P, "front", front.arn(), 3,
                        List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)), List.of())));
        for (EcsService s : services) {
            s.steadyState().get(60, TimeUnit.SECONDS);
        }
        return listener;
    }
}
