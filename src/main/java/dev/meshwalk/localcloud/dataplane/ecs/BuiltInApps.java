package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.AppHost;
import dev.meshwalk.apps.common.AppRuntime;
import dev.meshwalk.apps.common.Launcher;
import dev.meshwalk.apps.common.TelemetryExport;
import dev.meshwalk.apps.common.SharedAppRuntime;
import dev.meshwalk.apps.front.FrontApp;
import dev.meshwalk.localcloud.dataplane.apphost.NettyAppHost;
import java.util.OptionalInt;

/**
 * The real demo apps from {@code apps/}, started in-process through the same {@code start(env)} entry points their
 * container images use. This is what the composition root passes as {@link AppCatalog}.
 *
 * <p>They share their threads: every task's routes are served on one event-loop thread ({@link NettyAppHost}) and
 * handled on the JVM's {@link SharedAppRuntime#inProcess()} request pool (growing, idle-timed), whose one span
 * scheduler and one export pool also carry every task's spans. Each task had its own JDK server (dispatcher, idle
 * timer, up to 8 workers), OTLP client and batch thread before: about 125 threads for chapter 3's nine tasks. The
 * loop ends with the last task and the pools' threads idle out, so a local cloud without tasks holds none of them.
 */
public final class BuiltInApps {

    private BuiltInApps() {
    }

    private static final AppRuntime IN_PROCESS = inProcess(SharedAppRuntime.inProcess());

    public static AppCatalog catalog() {
        return new AppCatalog(env -> adapt(FrontApp.start(env, IN_PROCESS)),
                env -> adapt(ColorApp.start(env, IN_PROCESS)));
    }

    /** The event-loop host in front of {@code shared}'s request pool, and {@code shared}'s span export. */
    static AppRuntime inProcess(SharedAppRuntime shared) {
        AppHost host = new NettyAppHost(shared.requestThreads());
        return new AppRuntime() {
            @Override
            public AppHost host() {
                return host;
            }

            @Override
            public TelemetryExport export() {
                return shared;
            }
        };
    }

    /** What the app's container exits with on ECS's stop signal: its JVM runs the shutdown hook, then exits 128 + 15. */
    static final int STOPPED_BY_SIGTERM = 143;

    /**
     * Also prints the line the app's {@code main} prints once it listens ({@code Launcher.run}): in a task with the
     * {@code awslogs} driver it is the first line of the container's log stream, as on AWS. Closing it is what that
     * shutdown hook does, so a stopped app reports the exit code its container would.
     */
    private static AppLauncher.RunningApp adapt(Launcher.RunningApp app) {
        System.out.println(app.describe());
        return new AppLauncher.RunningApp() {
            private volatile boolean closed;

            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                app.close();
                closed = true;
            }

            @Override
            public OptionalInt exitCode() {
                return closed ? OptionalInt.of(STOPPED_BY_SIGTERM) : OptionalInt.empty();
            }
        };
    }
}
