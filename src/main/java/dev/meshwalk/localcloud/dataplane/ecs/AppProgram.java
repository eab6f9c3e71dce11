package dev.meshwalk.localcloud.dataplane.ecs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs a demo app container in-process. The app's {@code PORT} becomes the port the task planned for it (the
 * container port when free; in mesh tasks the internal port behind the proxy) and {@code BIND_ADDRESS} the task
 * address, so several tasks of one app run side by side.
 */
final class AppProgram implements ContainerProgram {

    private final AppLauncher launcher;

    AppProgram(AppLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public RunningContainer start(ContainerLaunch launch) throws Exception {
        Map<String, String> env = new HashMap<>(launch.environment());
        Integer containerPort = env.containsKey("PORT") ? Integer.valueOf(env.get("PORT").trim())
                : launch.ports().keySet().stream().findFirst().orElse(null);
        if (containerPort != null) {
            env.put("PORT", String.valueOf(launch.ports().getOrDefault(containerPort, containerPort)));
        }
        AppLauncher.RunningApp app = launcher.launch(env);
        Integer published = containerPort;
        String host = launch.taskAddress().getHostAddress();
        return new RunningContainer() {
            private volatile boolean closed;

            @Override
            public boolean isAlive() {
                if (closed) {
                    return false;
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(host, app.port()), 500);
                    return true;
                } catch (IOException refused) {
                    return false;
                }
            }

            @Override
            public Map<Integer, Integer> boundPorts() {
                return published == null ? Map.of() : Map.of(published, app.port());
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    app.close();
                }
            }

            @Override
            public void kill() {
                app.kill();
            }

            @Override
            public OptionalInt exitCode() {
                return app.exitCode();
            }
        };
    }
}
