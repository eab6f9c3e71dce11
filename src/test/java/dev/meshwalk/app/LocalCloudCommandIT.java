package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * `localcloud` as a real process: starts on a free port, answers, shows in status, stops with exit 0; a second one on
 * the same state directory refuses to start and names the first, which `localcloud stop` then still finds.
 */
@Tag("integration")
class LocalCloudCommandIT {

    @TempDir
    Path stateDir;

    private int run(StringWriter out, String... args) {
        CommandLine cli = TutorialCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void runsInTheForegroundUntilStoppedAndCleansUp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.meshwalk.app.Main", "localcloud", "--port", "0", "--state-dir", stateDir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String banner = stdout.readLine();
            assertThat(banner).startsWith("meshwalk local cloud listening on http://127.0.0.1:");
            URI endpoint = URI.create(banner.substring(banner.indexOf("http://")));

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("meshwalk local cloud");
            assertThat(Files.readString(stateDir.resolve("localcloud.json"))).contains(endpoint.toString())
                    .contains(Long.toString(process.pid()));

            StringWriter status = new StringWriter();
            assertThat(run(status, "localcloud", "--state-dir", stateDir.toString(), "status")).isZero();
            assertThat(status.toString()).startsWith("running: " + endpoint);

            StringWriter stop = new StringWriter();
            assertThat(run(stop, "localcloud", "--state-dir", stateDir.toString(), "stop")).isZero();
            assertThat(stop.toString()).contains("Stopped the local cloud at " + endpoint);

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(String.join("\n", stdout.lines().toList())).contains("Local cloud stopped.");
            assertThat(stateDir.resolve("localcloud.json")).doesNotExist();
            assertThat(Files.readString(stateDir.resolve("localcloud.log"))).contains("Local cloud listening on");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aSecondLocalCloudOnTheSameStateDirectoryRefusesSoStopStillFindsTheFirst() throws Exception {
        Process first = foreground("--port", "0");
        Process second = null;
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            String banner = stdout.readLine();
            assertThat(banner).startsWith("meshwalk local cloud listening on http://127.0.0.1:");
            String endpoint = banner.substring(banner.indexOf("http://"));

            for (List<String> flags : List.of(List.of("--port", "0"), List.of("--port", "0", "--ephemeral"))) {
                second = foreground(flags.toArray(String[]::new));
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("a second local cloud " + flags + " ends").isTrue();
                String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(second.exitValue()).as(said).isEqualTo(1);
                assertThat(said).contains("A local cloud already runs for " + stateDir).contains(endpoint)
                        .contains("(pid " + first.pid() + ")").contains("localcloud stop");
                assertThat(Files.readString(stateDir.resolve("localcloud.json")))
                        .as("the state file still names the first").contains(endpoint)
                        .contains(Long.toString(first.pid()));
            }

            StringWriter stop = new StringWriter();
            assertThat(run(stop, "localcloud", "--state-dir", stateDir.toString(), "stop")).isZero();
            assertThat(stop.toString()).contains("Stopped the local cloud at " + endpoint);
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).as("the first local cloud stopped").isTrue();
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void stoppingAnEphemeralLocalCloudSaysItsStacksAreGone() throws Exception {
        Process ephemeral = foreground("--port", "0", "--ephemeral");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(ephemeral.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = stdout.readLine();
            assertThat(banner).startsWith("meshwalk local cloud listening on http://127.0.0.1:");

            StringWriter stop = new StringWriter();
            assertThat(run(stop, "localcloud", "--state-dir", stateDir.toString(), "stop")).isZero();
            assertThat(stop.toString()).contains("started with --ephemeral, so its stacks are gone")
                    .doesNotContain("come back when it starts again");
            assertThat(ephemeral.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            ephemeral.destroyForcibly();
        }
    }

    /** {@code localcloud ARGS --state-dir <temp>} as its own process, stderr merged into stdout. */
    private Process foreground(String... args) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.meshwalk.app.Main", "localcloud"));
        command.addAll(List.of(args));
        command.addAll(List.of("--state-dir", stateDir.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
