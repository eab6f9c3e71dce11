package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.meshwalk.cloud.AwsEnvironment;
import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.CloudTarget;
import picocli.CommandLine;

class TargetResolverTest {

    @TempDir
    Path home;

    private TargetResolver resolver(Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("HOME", home.toString());
        all.put("XDG_STATE_HOME", home.resolve("state").toString());
        AwsEnvironment env = new AwsEnvironment(all, AwsEnvironment.loadProfiles(all), false);
        return new TargetResolver(env, BackgroundLocalCloud.forEnvironment(all));
    }

    private static TargetOptions options(String... args) {
        TargetOptions options = new TargetOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void awsAndAnEndpointTogetherAreRefused() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(options("--aws", "--endpoint-url", "http://127.0.0.1:1"),
                TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, s -> { }))
                .isInstanceOf(CloudSetupException.class).hasMessageContaining("--aws and --endpoint-url choose different targets");
    }

    @Test
    void theEndpointVariableSelectsAnEndpointTarget() {
        Optional<TargetResolver.Resolved> r = resolver(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))
                .resolve(options(), TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, s -> { });
        assertThat(r).map(x -> x.target().kind()).contains(CloudTarget.Kind.ENDPOINT);
        assertThat(r.get().target().endpoint()).map(Object::toString).contains("http://127.0.0.1:4566");
    }

    @Test
    void awsFlagsReachTheTargetWithTheirRegionAndProfileSource() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = eu-central-1\n");
        TargetResolver.Resolved r = resolver(Map.of()).resolve(options("--aws", "--profile", "dev"),
                TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, s -> { }).orElseThrow();
        assertThat(r.target().kind()).isEqualTo(CloudTarget.Kind.AWS);
        assertThat(r.target().region()).isEqualTo("eu-central-1");
        assertThat(r.profileFromFlag()).isTrue();
    }

    @Test
    void withoutFlagsAndWithoutARunningLocalCloudReadOnlyCommandsGetNothing() {
        assertThat(resolver(Map.of()).resolve(options(), TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, s -> { })).isEmpty();
    }

    @Test
    void aRunningLocalCloudAnnouncedInTheStateFileIsUsed() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path state = home.resolve("state/meshwalk");
            Files.createDirectories(state);
            Files.writeString(state.resolve(BackgroundLocalCloud.STATE_FILE), "{\"endpoint\":\"http://127.0.0.1:"
                    + listening.getLocalPort() + "\",\"pid\":" + ProcessHandle.current().pid() + "}");
            TargetResolver.Resolved r = resolver(Map.of()).resolve(options(), TargetResolver.LocalCloudUse.ONLY_IF_RUNNING,
                    s -> { }).orElseThrow();
            assertThat(r.target().kind()).isEqualTo(CloudTarget.Kind.LOCAL);
            assertThat(r.target().endpoint().orElseThrow().getPort()).isEqualTo(listening.getLocalPort());
            BackgroundLocalCloud local = BackgroundLocalCloud.forEnvironment(Map.of("XDG_STATE_HOME",
                    home.resolve("state").toString()));
            assertThat(local.startedByTutorial(local.find().orElseThrow())).isFalse();
            assertThat(local.stopIfOurs()).as("never stops a local cloud the user started").isEmpty();
        }
    }

    @Test
    void aStateFileOfADeadLocalCloudIsIgnored() throws IOException {
        Path state = home.resolve("state/meshwalk");
        Files.createDirectories(state);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(state.resolve(BackgroundLocalCloud.STATE_FILE),
                "{\"endpoint\":\"http://127.0.0.1:" + port + "\",\"pid\":" + ProcessHandle.current().pid() + "}");
        assertThat(resolver(Map.of()).resolve(options(), TargetResolver.LocalCloudUse.ONLY_IF_RUNNING, s -> { })).isEmpty();
    }

    @Test
    void targetFlagsAreAcceptedBeforeAndAfterTheSubcommand() {
        TutorialCommand top = new TutorialCommand();
        CommandLine cli = new CommandLine(top);
        CommandLine.ParseResult parsed = cli.parseArgs("--aws", "status", "--region", "eu-west-1");
        assertThat(top.target.aws()).isTrue();
        assertThat(top.target.region()).contains("eu-west-1");
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("status");
    }
}
