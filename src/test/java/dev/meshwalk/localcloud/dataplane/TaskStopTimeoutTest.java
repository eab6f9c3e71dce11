package dev.meshwalk.localcloud.dataplane;

import static dev.meshwalk.localcloud.dataplane.TestDataPlanes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.ecs.AppCatalog;
import dev.meshwalk.localcloud.dataplane.ecs.AppLauncher;
import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinitionSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a task as ECS stops containers: the stop signal, the container's {@code StopTimeout}, then a forced kill;
 * {@code DescribeTasks}' exit code and stop code say which happened. Checked for the in-process apps and for programs
 * that are real processes, each with one that exits on the signal and one that ignores it.
 */
class TaskStopTimeoutTest {

    private static final String CLUSTER = "howto-ecs-basics";
    private static final AppLauncher NO_FRONT = env -> {
        throw new IllegalStateException("this test runs no front");
    };

    private DataPlane dataPlane;
    private ProcessApps processes;

    @AfterEach
    void stop() {
        if (dataPlane != null) {
            dataPlane.close();
        }
        if (processes != null) {
            processes.killAll();
        }
    }

    @Test
    void theRealColorAppExitsOnTheStopSignalWithTheJvmsCode() throws Exception {
        FakeApps apps = new FakeApps();
        TaskInfo stopped = stopOneTask(apps.realApps());

        assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("break it");
        assertThat(stopped.containers()).singleElement().satisfies(c -> {
            assertThat(c.lastStatus()).isEqualTo("STOPPED");
            assertThat(c.exitCode()).as("a JVM stopped by SIGTERM exits 128 + 15").isEqualTo(143);
        });
    }

    @Test
    void anInProcessAppThatDoesNotStopIsKilledAfterItsStopTimeout() throws Exception {
        AtomicBoolean closeEnded = new AtomicBoolean();
        AtomicBoolean sawKill = new AtomicBoolean();
        AppLauncher stubborn = env -> {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(env.get("BIND_ADDRESS")),
                    Integer.parseInt(env.get("PORT"))));
            CountDownLatch never = new CountDownLatch(1);
            return new AppLauncher.RunningApp() {
                @Override
                public int port() {
                    return socket.getLocalPort();
                }

                @Override
                public void close() {
                    try {
                        never.await(); // a request that never finishes: only the kill's interrupt ends this wait
                    } catch (InterruptedException interrupted) {
                        sawKill.set(true);
                    } finally {
                        closeQuietly(socket);
                        closeEnded.set(true);
                    }
                }
            };
        };

        TaskInfo stopped = stopOneTask(new AppCatalog(NO_FRONT, stubborn));

        assertThat(stopped.containers()).singleElement().satisfies(c ->
                assertThat(c.exitCode()).as("killed: 128 + 9").isEqualTo(137));
        assertThat(stopped.stopCode()).isEqualTo("UserInitiated");
        assertThat(sawKill).as("the kill interrupted the app's stop").isTrue();
        assertThat(closeEnded).isTrue();
    }

    @Test
    void aProcessThatExitsOnTheStopSignalReportsItsExitCode() throws Exception {
        processes = new ProcessApps(false);

        TaskInfo stopped = stopOneTask(new AppCatalog(NO_FRONT, processes.launcher()));

        assertThat(processes.processes).first().as("the stopped task's process").satisfies(p -> {
            assertThat(p.isAlive()).isFalse();
            assertThat(p.exitValue()).as("SIGTERM, not SIGKILL").isEqualTo(143);
        });
        assertThat(stopped.containers()).singleElement().satisfies(c -> assertThat(c.exitCode()).isEqualTo(143));
    }

    @Test
    void aProcessThatIgnoresTheStopSignalIsKilledAfterItsStopTimeout() throws Exception {
        processes = new ProcessApps(true);

        TaskInfo stopped = stopOneTask(new AppCatalog(NO_FRONT, processes.launcher()));

        assertThat(processes.processes).first().as("the stopped task's process").satisfies(p -> {
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as("the process is gone").isTrue();
            assertThat(p.exitValue()).as("SIGKILL").isEqualTo(137);
        });
        assertThat(stopped.containers()).singleElement().satisfies(c -> assertThat(c.exitCode()).isEqualTo(137));
    }

    /** A one-task color service with a 2 s stop timeout (1 s locally); stops its task and returns it once stopped. */
    private TaskInfo stopOneTask(AppCatalog apps) throws Exception {
        dataPlane = DataPlane.start(DataPlaneConfig.defaults(apps).withTimings(TestDataPlanes.FAST));
        Ecs ecs = dataPlane.ecs();
        ecs.createCluster(CLUSTER);
        TaskDefinition definition = ecs.registerTaskDefinition(new TaskDefinitionSpec("color", List.of(
                new ContainerSpec("app", "colorapp:1", true, Map.of("COLOR", "green", "PORT", "8080"), List.of(8080),
                        List.of(), null, List.of(), null, 2)), null));
        EcsService service = ecs.createService(new ServiceSpec(CLUSTER, "color", definition.arn(), 1, List.of(),
                List.of()));
        service.steadyState().get(30, TimeUnit.SECONDS);
        String victim = service.tasks().get(0).taskArn();

        ecs.stopTask(victim, "break it");

        await("the task stopped", Duration.ofSeconds(20), () -> service.stoppedTasks().stream()
                .anyMatch(t -> t.taskArn().equals(victim)));
        return service.stoppedTasks().stream().filter(t -> t.taskArn().equals(victim)).findFirst().orElseThrow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test only needs the port freed
        }
    }
}
