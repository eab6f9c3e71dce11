package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.Launcher;
import dev.meshwalk.apps.common.SharedAppRuntime;
import dev.meshwalk.apps.front.FrontApp;
import java.util.OptionalInt;

/**
 * The real demo apps from {@code apps/}, started in-process through the same {@code start(env)} entry points their
 * container images use. This is what the composition root passes as {@link AppCatalog}.
 *
 * <p>They run on the JVM's {@link SharedAppRuntime#inProcess()}: one growing, idle-timed request pool, one span
 * scheduler and one export pool for every task, instead of each task's own server workers, OTLP client and batch
 * thread (chapter 3's nine tasks held about 125 threads that way). Its threads idle out once no task runs.
 */
public final class BuiltInApps {

    private BuiltInApps() {
    }

    public static AppCatalog catalog() {
        SharedAppRuntime shared = SharedAppRuntime.inProcess();
        return new AppCatalog(env -> adapt(FrontApp.start(env, shared)), env -> adapt(ColorApp.start(env, shared)));
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
