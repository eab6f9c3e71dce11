package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The `localcloud` command's refusals and its status/stop bookkeeping, in-process (nothing keeps running). */
class LocalCloudCommandTest {

    @TempDir
    Path stateDir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine cli = TutorialCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aNonLoopbackHostIsRefusedWithExit2AndTheFlagToUse() {
        Result r = run("localcloud", "--host", "0.0.0.0", "--state-dir", stateDir.toString());

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("Refusing to listen on 0.0.0.0").contains("--allow-non-loopback");
        assertThat(stateDir.resolve("localcloud.json")).doesNotExist();
    }

    @Test
    void aTakenPortIsExit1WithANextStepAndNoStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result r = run("localcloud", "--verbose", "--port", Integer.toString(taken.getLocalPort()),
                    "--state-dir", stateDir.toString());

            assertThat(r.exit).isEqualTo(1);
            assertThat(r.err).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void statusWithoutAStateFileSaysNotRunningWithExit3() {
        Result r = run("localcloud", "--state-dir", stateDir.toString(), "status");

        assertThat(r.exit).isEqualTo(3);
        assertThat(r.out).startsWith("not running");
    }

    @Test
    void aStateFileOfAnExitedProcessIsReportedAndRemoved() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        new LocalCloudStateFile(stateDir).write(new LocalCloudStateFile.Entry(URI.create("http://127.0.0.1:1"),
                gone.pid(), Instant.now()));

        Result status = run("localcloud", "--state-dir", stateDir.toString(), "status");

        assertThat(status.exit).isEqualTo(3);
        assertThat(status.out).contains("pid " + gone.pid() + " has exited");
        assertThat(stateDir.resolve("localcloud.json")).doesNotExist();
    }

    @Test
    void stopWithNothingRunningIsANoOp() {
        Result r = run("localcloud", "--state-dir", stateDir.toString(), "stop");

        assertThat(r.exit).isZero();
        assertThat(r.out).contains("nothing to stop");
    }

    @Test
    void theStateFileRoundTripsAndOnlyItsOwnerRemovesIt() throws Exception {
        LocalCloudStateFile file = new LocalCloudStateFile(stateDir);
        var entry = new LocalCloudStateFile.Entry(URI.create("http://127.0.0.1:4566"), 4242, Instant.parse("2026-01-01T00:00:00Z"));
        file.write(entry);

        assertThat(file.read()).hasValue(entry);
        file.removeIfOwnedBy(1);
        assertThat(file.read()).isPresent();
        file.removeIfOwnedBy(4242);
        assertThat(Files.exists(file.path())).isFalse();
    }
}
