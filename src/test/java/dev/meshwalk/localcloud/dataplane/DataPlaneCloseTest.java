package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.dataplane.elb.HealthCheckSpec;
import dev.meshwalk.localcloud.dataplane.elb.Listener;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancer;
import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerSpec;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroup;
import dev.meshwalk.localcloud.dataplane.elb.TargetGroupSpec;
import dev.meshwalk.localcloud.dataplane.mesh.MeshSpec;
import dev.meshwalk.localcloud.dataplane.mesh.VirtualNodeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DataPlaneCloseTest {

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void closeLeavesNoListeningSocketAndNoThreadOfOurs() throws Exception {
        long dispatchersBefore = threadsNamed("HTTP-Dispatcher");
        FakeApps apps = new FakeApps();
        DataPlane dataPlane = TestDataPlanes.start(apps);
        dataPlane.ecs().createCluster("c");
        dataPlane.appMesh().createMesh(new MeshSpec("howto-ecs-basics", false));
        dataPlane.appMesh().putVirtualNode("howto-ecs-basics", new VirtualNodeSpec("color-node", List.of(8080), null, List.of()));
        TargetGroup tg = dataPlane.loadBalancers().createTargetGroup(new TargetGroupSpec("tg", 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
        LoadBalancer lb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("lb", false));
        Listener listener = dataPlane.loadBalancers().createListener(lb.arn(), 80, tg.arn());
        TaskDefinition def = dataPlane.ecs().registerTaskDefinition(MeshChainTest.meshTask("color", "colorapp",
                "color-node", Map.of("COLOR", "green", "PORT", "8080")));
        EcsService service = dataPlane.ecs().createService(new ServiceSpec("c", "color", def.arn(), 2,
                List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)), List.of()));
        service.steadyState().get(15, TimeUnit.SECONDS);

        List<InetSocketAddress> ours = new ArrayList<>();
        ours.add(new InetSocketAddress(listener.host(), listener.hostPort()));
        ours.add(dataPlane.dnsServer());
        for (TaskInfo task : service.tasks()) {
            task.hostPorts().values().forEach(port -> ours.add(new InetSocketAddress(task.address(), port)));
        }
        apps.running.forEach(app -> ours.add(new InetSocketAddress(app.env.get("BIND_ADDRESS"), app.port())));
        for (InetSocketAddress address : ours.subList(0, 2)) {
            try (Socket open = new Socket()) {
                open.connect(address, 1000); // proves the check below can tell open from closed
            }
        }
        assertThat(threadsNamed("dataplane-")).isPositive();

        dataPlane.close();

        for (InetSocketAddress address : ours) {
            assertThatThrownBy(() -> {
                try (Socket probe = new Socket()) {
                    probe.connect(address, 1000);
                }
            }).as("nothing listens on %s after close", address).isInstanceOf(IOException.class);
        }
        assertThat(apps.running).isEmpty();
        await("data plane threads to end", Duration.ofSeconds(5), () -> threadsNamed("dataplane-") == 0);
        await("HTTP server dispatchers to end", Duration.ofSeconds(5),
                () -> threadsNamed("HTTP-Dispatcher") <= dispatchersBefore);
    }

    /**
     * A client holding a keep-alive connection to a load balancer, and the pooled connection behind it, must not
     * outlive the data plane: close ends the event loop's threads, the listener's port and open connections.
     */
    @Test
    void closeEndsTheEventLoopItsThreadsAndTheConnectionsItHeld() throws Exception {
        FakeApps apps = new FakeApps();
        DataPlane dataPlane = TestDataPlanes.start(apps);
        dataPlane.ecs().createCluster("c");
        TargetGroup tg = dataPlane.loadBalancers().createTargetGroup(new TargetGroupSpec("tg", 8080,
                new HealthCheckSpec("/ping", 60, 5, 2, 2, "200"), 120));
        LoadBalancer lb = dataPlane.loadBalancers().createLoadBalancer(new LoadBalancerSpec("lb", false));
        Listener listener = dataPlane.loadBalancers().createListener(lb.arn(), 0, tg.arn());
        TaskDefinition def = dataPlane.ecs().registerTaskDefinition(EcsServiceTest.colorTask("color", "green",
                "colorapp"));
        EcsService service = dataPlane.ecs().createService(new ServiceSpec("c", "color", def.arn(), 1,
                List.of(new ServiceSpec.LoadBalancerBinding(tg.arn(), "app", 8080)), List.of()));
        service.steadyState().get(15, TimeUnit.SECONDS);
        Socket client = new Socket(listener.host(), listener.hostPort());
        OutputStream out = client.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: lb\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = client.getInputStream();
        client.setSoTimeout(5000);
        String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        client.setSoTimeout(200);
        assertThat(head).isEqualTo("HTTP/1.1 200");
        assertThat(threadsNamed("dataplane-netty")).isPositive();

        dataPlane.close();

        await("the kept-alive connection to be closed", Duration.ofSeconds(5), () -> {
            try {
                while (true) {
                    if (in.read() < 0) {
                        return true;
                    }
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        });
        client.close();
        assertThatThrownBy(() -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(listener.host(), listener.hostPort()), 1000);
            }
        }).isInstanceOf(IOException.class);
        await("event-loop threads to end", Duration.ofSeconds(5), () -> threadsNamed("dataplane-netty") == 0);
    }
}
