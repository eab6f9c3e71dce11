package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line as a user meets it: exit codes and messages, with XDG folders in a temp dir. */
class CommandLineTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TutorialCommand.commandLine();
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(), "LANG", "C.UTF-8");
        ((TutorialCommand) cli.getCommand()).env = env;
        ((ChaptersCommand) cli.getSubcommands().get("chapters").getCommand()).env = env;
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void unknownFlagsGetAShortClearErrorAndExitCode2() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tutorial: Unknown option: '--bogus'").contains("--help' for the options")
                .doesNotContain("Usage:");
    }

    @Test
    void anUnknownChapterIsAUsageErrorThatListsTheValidOnes() {
        assertThat(run("--plain", "--chapter", "9")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no chapter '9'").contains("0-prelude").contains("3-routing");
    }

    @Test
    void anOpeningOptionBeforeACommandIsRefusedWithWhereItBelongsNotSilentlyDropped() {
        assertThat(run("--chapter=abc", "chapters")).isEqualTo(2);
        assertThat(err.toString()).contains("`chapters` has no --chapter; it applies when the tutorial opens");
        assertThat(out.toString()).as("nothing was printed as if it had worked").isEmpty();

        assertThat(run("--ascii", "chapters")).isEqualTo(2);
        assertThat(err.toString()).contains("--ascii goes after the command: `chapters --ascii`.");

        assertThat(run("chapters", "--ascii")).isZero();
        assertThat(out.toString()).contains("[ ] not started");
    }

    @Test
    void badEndpointUrlsAndConflictingTargetsExitWith2() {
        assertThat(run("--plain", "--endpoint-url", "ftp://somewhere")).isEqualTo(2);
        assertThat(err.toString()).contains("must start with http:// or https://");
        assertThat(run("--plain", "--aws", "--endpoint-url", "http://127.0.0.1:4566")).isEqualTo(2);
        assertThat(err.toString()).contains("use one of them");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--plain").contains("--ascii").contains("--chapter").contains("--endpoint-url")
                .contains("chapters");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("meshwalk");
    }

    @Test
    void aMisspeltStackParameterIsReportedBeforeAnyTargetIsReached() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        CommandLine cli = TutorialCommand.commandLine();
        ((CloudCommand) cli.getSubcommands().get("deploy").getCommand()).console = new Console(both, both, true);

        // A closed loopback port: were the target reached first, this would print "Target:" or fail to connect.
        int code = cli.execute("--endpoint-url", "http://127.0.0.1:9", "deploy", "3", "--yes", "--parameter",
                "Colour=5");

        assertThat(code).isEqualTo(2);
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("has no parameter 'Colour'", "ColorWeight (0-100, default 50)").doesNotContain("Target:");
    }

    @Test
    void chaptersSubcommandPrintsTheListWithSavedProgress() throws Exception {
        Path progress = home.resolve("config/meshwalk/progress.json");
        Files.createDirectories(progress.getParent());
        Files.writeString(progress, "{\"version\":1,\"chapters\":{\"2-meshify\":\"DEPLOYED\"}}");
        assertThat(run("chapters")).isZero();
        assertThat(out.toString().lines()).hasSize(6);
        assertThat(out.toString()).contains("0  Prelude").contains("1  Service discovery").contains("3  Routing")
                .contains("4  Service Connect").contains("5  Canary")
                .containsPattern("2  Meshify +● deployed +2-meshify");
    }

    @Test
    void anInternalErrorIsOneLineForTheUserAndExitCode1() {
        CommandLine cli = TutorialCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = TutorialCommand.internalError(new IllegalStateException("boom"), cli, null);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("something went wrong inside the tutorial (IllegalStateException: boom)")
                .contains("The details are in").doesNotContain("\tat ");
    }
}
