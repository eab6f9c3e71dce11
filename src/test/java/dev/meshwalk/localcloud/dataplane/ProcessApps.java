package dev.meshwalk.localcloud.dataplane;

import dev.meshwalk.localcloud.dataplane.ecs.AppLauncher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Color apps that are real processes ({@link StubbornServer} in a JVM of its own), started the way a container's
 * program is: {@code close} sends SIGTERM and waits, {@code kill} sends SIGKILL, the exit code is the process's.
 * Every process started is kept, so a test can check none outlives it and {@link #killAll()} leaves none behind.
 */
final class ProcessApps {

    final List<Process> processes = new CopyOnWriteArrayList<>();
    private final boolean ignoreSigterm;

    ProcessApps(boolean ignoreSigterm) {
        this.ignoreSigterm = ignoreSigterm;
    }

    AppLauncher launcher() {
        return env -> {
            String address = env.get("BIND_ADDRESS");
            int port = Integer.parseInt(env.get("PORT"));
            Process process = new ProcessBuilder(javaBinary(), "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", classes(),
                    StubbornServer.class.getName(), address, String.valueOf(port),
                    ignoreSigterm ? "ignore-sigterm" : "exit-on-sigterm")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(process);
            awaitListening(process, address, port);
            return new Running(process, port);
        };
    }

    void killAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private record Running(Process process, int port) implements AppLauncher.RunningApp {

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void kill() {
            process.destroyForcibly();
        }

        @Override
        public OptionalInt exitCode() {
            return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
        }
    }

    private static void awaitListening(Process process, String address, int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        process.destroyForcibly();
        throw new IOException("the process did not listen on " + address + ":" + port);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private static String classes() {
        try {
            return Path.of(StubbornServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
