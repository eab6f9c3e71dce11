package dev.meshwalk.apps.common;

import java.util.Map;
import java.util.function.Function;

/**
 * What {@code main} does for every demo app in a container: start from the process environment, say
 * where it listens, stop cleanly on SIGTERM (ECS stops tasks that way), and turn a configuration
 * problem into one clear line and exit code 2 instead of a stack trace.
 */
public final class Launcher {
    private Launcher() {
    }

    /** A started app as {@code main} sees it. */
    public interface RunningApp extends AutoCloseable {
        int port();

        /** One line for the container log: where it listens and what it talks to. */
        String describe();

        @Override
        void close();
    }

    public static void run(String appName, Function<Map<String, String>, ? extends RunningApp> starter) {
        RunningApp app;
        try {
            app = starter.apply(System.getenv());
        } catch (AppConfigurationException misconfigured) {
            System.err.println(appName + ": " + misconfigured.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, appName + "-shutdown"));
        System.out.println(app.describe());
    }
}
