package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.Launcher;
import dev.meshwalk.apps.front.FrontApp;

/**
 * The real demo apps from {@code apps/}, started in-process through the same {@code start(env)} entry points their
 * container images use. This is what the composition root passes as {@link AppCatalog}.
 */
public final class BuiltInApps {

    private BuiltInApps() {
    }

    public static AppCatalog catalog() {
        return new AppCatalog(env -> adapt(FrontApp.start(env)), env -> adapt(ColorApp.start(env)));
    }

    /**
     * Also prints the line the app's {@code main} prints once it listens ({@code Launcher.run}): in a task with the
     * {@code awslogs} driver it is the first line of the container's log stream, as on AWS.
     */
    private static AppLauncher.RunningApp adapt(Launcher.RunningApp app) {
        System.out.println(app.describe());
        return new AppLauncher.RunningApp() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }
}
