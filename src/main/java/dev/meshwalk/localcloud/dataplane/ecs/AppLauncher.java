package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Map;

/**
 * Starts one of the demo apps in-process from its environment, the same way its container entry point does
 * ({@code FrontApp.start(env)} / {@code ColorApp.start(env)}).
 */
@FunctionalInterface
public interface AppLauncher {

    RunningApp launch(Map<String, String> environment) throws Exception;

    /** A started app: the port it listens on (on {@code BIND_ADDRESS}) and a way to stop it. */
    interface RunningApp {
        int port();

        void close();
    }
}
