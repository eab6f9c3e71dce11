package dev.meshwalk.app;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.LocalCloudServices;
import dev.meshwalk.localcloud.LocalCloudStartException;
import dev.meshwalk.localcloud.LocalCloudStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code localcloud}: runs the local cloud alone in the foreground, so the AWS CLI (or another tutorial
 * process) can use it at a fixed endpoint; {@code localcloud status} and {@code localcloud stop} find it
 * again through a small state file.
 *
 * <p>Exit codes: 0 after a clean stop (Ctrl-C or SIGTERM), 1 when it cannot listen (port taken), 2 for
 * usage errors such as a non-loopback host without {@code --allow-non-loopback}.
 */
@Command(name = "localcloud",
        mixinStandardHelpOptions = true,
        description = {"Runs the local cloud (CloudFormation, CloudWatch, X-Ray on the real AWS wire protocols) in the"
                + " foreground on 127.0.0.1, until Ctrl-C.",
                "Use it with the AWS CLI: aws --endpoint-url http://127.0.0.1:4566 cloudformation list-stacks"},
        subcommands = {LocalCloudCommand.Status.class, LocalCloudCommand.Stop.class, LocalCloudReset.class})
public final class LocalCloudCommand implements Callable<Integer> {

    static final String HEALTH_MARKER = "meshwalk local cloud";

    @Option(names = "--port", defaultValue = "4566", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--allow-non-loopback", description = "Allow a host other than loopback. The local cloud has no"
            + " authentication: anyone who can reach it can deploy stacks.")
    boolean allowNonLoopback;

    @Option(names = "--verbose", description = "Log to stderr instead of the log file.")
    boolean verbose;

    @Option(names = "--ephemeral", description = "Keep no state: start empty and forget every stack when stopped"
            + " (it is still the one local cloud of its state directory).")
    boolean ephemeral;

    @Option(names = "--state-dir", hidden = true, description = "Directory for the state and log files"
            + " (default: $XDG_STATE_HOME/meshwalk or ~/.local/state/meshwalk).")
    Path stateDirectory;

    @Spec
    CommandSpec spec;

    Path stateDirectory() {
        return stateDirectory != null ? stateDirectory : UserDirs.from(System.getenv()).state();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = checkHost(err);
        if (refused != null) {
            return refused;
        }
        LocalCloudStateFile state = new LocalCloudStateFile(stateDirectory());
        // One local cloud per state directory: the one holding the folder's lock is the one its state file names,
        // so `localcloud status` and `localcloud stop` always find it (a second one would overwrite the file and
        // leave the first running where nothing finds it).
        LocalCloudStorage owned = LocalCloudStorage.in(stateDirectory());
        Integer taken = OneLocalCloud.claim(owned, state, err);
        if (taken != null) {
            return taken;
        }
        Path logFile = configureLogging();
        LocalCloudStorage storage = ephemeral ? null : owned;

        LocalCloud cloud;
        try {
            cloud = LocalCloudServices.addDefaults(LocalCloud.builder().host(host).port(port)
                    .allowNonLoopback(allowNonLoopback), storage).build().start();
        } catch (LocalCloudStartException e) {
            owned.close();
            err.println(e.getMessage());
            err.flush();
            return 1;
        }

        long pid = ProcessHandle.current().pid();
        try {
            state.write(new LocalCloudStateFile.Entry(cloud.endpoint(), pid, Instant.now(),
                    LocalCloudStateFile.currentVersion(), storage == null ? List.of() : storage.notices(),
                    storage != null, LocalCloudRuntime.currentBuild()));
        } catch (IOException e) {
            err.println("Warning: could not write " + state.path() + " (" + e.getMessage()
                    + "); `localcloud status` and `localcloud stop` will not find this local cloud.");
        }
        printBanner(out, cloud, logFile, storage);

        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            owned.close();
            state.removeIfOwnedBy(pid);
            out.println("Local cloud stopped.");
            out.flush();
            // A signal made the JVM shut down; stopping cleanly is this command's normal end, so exit 0
            // rather than the 130/143 the JVM would report for SIGINT/SIGTERM.
            Runtime.getRuntime().halt(0);
        }, "localcloud-shutdown"));
        forever.await();
        return 0;
    }

    private Integer checkHost(PrintWriter err) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            err.println("Unknown host '" + host + "'. Use an address such as 127.0.0.1.");
            err.flush();
            return 2;
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            err.println("Refusing to listen on " + host + ": it is not a loopback address, and the local cloud has"
                    + " no authentication (anyone who reaches it can deploy stacks).");
            err.println("Use --host 127.0.0.1, or add --allow-non-loopback if you really mean it.");
            err.flush();
            return 2;
        }
        return null;
    }

    /**
     * Sends logs to {@code localcloud.log} in the state directory (or stderr with --verbose) unless the user
     * configured slf4j-simple already. slf4j-simple would truncate its log file when it opens it, which
     * corrupts the log of a local cloud that is still running when a second one fails to start; so logs go
     * to {@code System.err}, and in file mode {@code System.err} is replaced by an appending stream on the log.
     * Picocli's error writer was taken before, so messages for the user still reach the terminal.
     */
    private Path configureLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return null;
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (verbose) {
            return null;
        }
        Path log = stateDirectory().resolve("localcloud.log");
        try {
            Files.createDirectories(log.getParent());
            System.setErr(new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8));
            return log;
        } catch (IOException e) {
            return null;
        }
    }

    private static void printBanner(PrintWriter out, LocalCloud cloud, Path logFile, LocalCloudStorage storage) {
        URI endpoint = cloud.endpoint();
        out.println("meshwalk local cloud listening on " + endpoint);
        if (storage != null) {
            out.println("State: " + storage.directory() + " (stacks are kept across restarts; `localcloud reset` empties it)");
            storage.notices().forEach(n -> out.println("Note: " + n));
        }
        out.println("Services: " + (cloud.serviceNames().isEmpty() ? "(none wired in this build)"
                : String.join(", ", cloud.serviceNames())));
        out.println("Try:  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url " + endpoint
                + " --region us-east-1 cloudformation list-stacks");
        if (logFile != null) {
            out.println("Log:  " + logFile);
        }
        out.println("Stop with Ctrl-C, or from another terminal: java -jar target/tutorial.jar localcloud stop");
        out.flush();
    }

    /** True when something answers on the endpoint and says it is a meshwalk local cloud. */
    static boolean answers(URI endpoint) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains(HEALTH_MARKER);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code localcloud status}: prints where the running local cloud is; exit 3 when none is running. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows whether a local cloud started with `localcloud` is running, and its endpoint.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        LocalCloudCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LocalCloudStateFile state = new LocalCloudStateFile(parent.stateDirectory());
            Optional<LocalCloudStateFile.Entry> entry = state.read();
            if (entry.isEmpty()) {
                out.println("not running (no " + state.path() + ")");
                out.flush();
                return 3;
            }
            LocalCloudStateFile.Entry e = entry.get();
            boolean alive = ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                state.remove();
                out.println("not running (pid " + e.pid() + " has exited; removed its stale " + state.path() + ")");
                out.flush();
                return 3;
            }
            boolean answering = answers(e.endpoint());
            out.println((answering ? "running: " : "starting or not answering: ") + e.endpoint() + " (pid " + e.pid()
                    + ", started " + e.startedAt() + ", version " + e.version() + ")");
            out.flush();
            return answering ? 0 : 1;
        }
    }

    /** {@code localcloud stop}: asks the running local cloud to stop (SIGTERM) and waits for it. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops a local cloud started with `localcloud` and waits until it has exited.")
    static final class Stop implements Callable<Integer> {

        @ParentCommand
        LocalCloudCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--timeout", defaultValue = "15", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LocalCloudStateFile state = new LocalCloudStateFile(parent.stateDirectory());
            Optional<LocalCloudStateFile.Entry> entry = state.read();
            Optional<ProcessHandle> process = entry.flatMap(e -> ProcessHandle.of(e.pid())).filter(ProcessHandle::isAlive);
            if (entry.isEmpty() || process.isEmpty()) {
                entry.ifPresent(e -> state.remove());
                out.println("No local cloud is running; nothing to stop.");
                out.flush();
                return 0;
            }
            LocalCloudStateFile.Entry e = entry.get();
            if (!looksLikeALocalCloud(process.get(), e.endpoint())) {
                err.println("The state file " + state.path() + " names pid " + e.pid() + ", but that process does not"
                        + " look like a local cloud. If it is stale, delete the file.");
                err.flush();
                return 1;
            }
            process.get().destroy();
            try {
                process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException timeout) {
                err.println("The local cloud (pid " + e.pid() + ") did not stop within " + timeoutSeconds
                        + " s; stop it with: kill -9 " + e.pid());
                err.flush();
                return 1;
            }
            state.removeIfOwnedBy(e.pid());
            LocalCloudRuntime.remove(parent.stateDirectory()); // the jar copy a background one ran from
            out.println("Stopped the local cloud at " + e.endpoint() + " (pid " + e.pid() + "); " + (e.keepsState()
                    ? "its stacks are saved in " + LocalCloudStorage.in(parent.stateDirectory()).directory()
                    + " and come back when it starts again."
                    : "it was started with --ephemeral, so its stacks are gone (the saved ones in "
                    + LocalCloudStorage.in(parent.stateDirectory()).directory() + " were not touched)."));
            out.flush();
            return 0;
        }

        private static boolean looksLikeALocalCloud(ProcessHandle process, URI endpoint) {
            boolean namedSo = process.info().commandLine().map(c -> c.contains("localcloud")).orElse(false);
            return namedSo || answers(endpoint);
        }
    }
}
