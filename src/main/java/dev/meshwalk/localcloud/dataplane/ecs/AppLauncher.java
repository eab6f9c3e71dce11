package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Starts one of the demo apps in-process from its environment, the same way its container entry point does
 * ({@code FrontApp.start(env)} / {@code ColorApp.start(env)}).
 */
@FunctionalInterface
public interface AppLauncher {

    RunningApp launch(Map<String, String> environment) throws Exception;

    /**
     * A started app: the port it listens on (on {@code BIND_ADDRESS}) and a way to stop it. It may run in-process or
     * as a process of its own; {@link RunningContainer} says what each method means to ECS.
     */
    interface RunningApp {
        int port();

        /** The stop signal: returns once the app has stopped. */
        void close();

        /** The forced stop after the stop timeout; see {@link RunningContainer#kill()}. */
        default void kill() {
        }

        /** Its exit code once stopped, when known; see {@link RunningContainer#exitCode()}. */
        default OptionalInt exitCode() {
            return OptionalInt.empty();
        }
    }
}
