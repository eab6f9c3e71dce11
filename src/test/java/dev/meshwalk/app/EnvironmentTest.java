package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.meshwalk.core.Target;
import picocli.CommandLine;

/** How the environment and flags decide the target, glyphs, colours and folders. */
class EnvironmentTest {

    private static Target target(Map<String, String> env, String... args) throws Exception {
        TargetOptions options = new TargetOptions();
        new CommandLine(options).parseArgs(args);
        return options.resolve(env);
    }

    @Test
    void theDefaultTargetIsTheEmbeddedLocalCloud() throws Exception {
        assertThat(target(Map.of())).isEqualTo(Target.local());
        assertThat(Target.local().label()).isEqualTo("LOCAL (embedded local cloud)");
    }

    @Test
    void awsShowsRegionFromFlagOrEnvironment() throws Exception {
        assertThat(target(Map.of(), "--aws", "--region", "eu-west-1").label()).isEqualTo("AWS eu-west-1");
        assertThat(target(Map.of("AWS_REGION", "us-west-2"), "--aws", "--profile", "dev").label())
                .isEqualTo("AWS us-west-2 - profile dev");
        assertThatThrownBy(() -> target(Map.of(), "--aws", "--region", "mars"))
                .hasMessageContaining("does not look like an AWS region");
    }

    @Test
    void endpointComesFromTheFlagOrAwsEndpointUrlAndIsValidated() throws Exception {
        assertThat(target(Map.of(), "--endpoint-url", "http://127.0.0.1:4566").label()).isEqualTo("ENDPOINT http://127.0.0.1:4566");
        assertThat(target(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000")).kind()).isEqualTo(Target.Kind.ENDPOINT);
        assertThat(target(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9000"), "--aws").kind())
                .as("--aws wins over the environment variable").isEqualTo(Target.Kind.AWS);
        assertThatThrownBy(() -> target(Map.of(), "--endpoint-url", "http:///color")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> target(Map.of(), "--endpoint-url", "http://a b")).hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> target(Map.of("AWS_ENDPOINT_URL", "localhost:4566")))
                .hasMessageContaining("from AWS_ENDPOINT_URL");
        assertThatThrownBy(() -> target(Map.of(), "--profile", "dev")).hasMessageContaining("add --aws");
    }

    @Test
    void boxDrawingNeedsAUtf8LocaleAndAsciiCanBeForced() {
        assertThat(TerminalCaps.detect(Map.of("LANG", "en_US.UTF-8"), false).unicode()).isTrue();
        assertThat(TerminalCaps.detect(Map.of("LANG", "C.utf8"), false).unicode()).isTrue();
        assertThat(TerminalCaps.detect(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "C"), false).unicode()).isFalse();
        assertThat(TerminalCaps.detect(Map.of("LANG", "de_DE.ISO-8859-1"), false).unicode()).isFalse();
        assertThat(TerminalCaps.detect(Map.of(), false).unicode()).isFalse();
        assertThat(TerminalCaps.detect(Map.of("LANG", "en_US.UTF-8"), true).unicode()).isFalse();
    }

    @Test
    void noColorIsHonouredWhenSetAndNotEmpty() {
        assertThat(TerminalCaps.detect(Map.of("NO_COLOR", "1"), false).color()).isFalse();
        assertThat(TerminalCaps.detect(Map.of("NO_COLOR", ""), false).color()).isTrue();
        assertThat(TerminalCaps.detect(Map.of(), false).color()).isTrue();
    }

    @Test
    void foldersFollowXdgWithHomeFallbacks() {
        UserDirs dirs = UserDirs.from(Map.of("HOME", "/home/u"));
        assertThat(dirs.progressFile()).isEqualTo(Path.of("/home/u/.config/meshwalk/progress.json"));
        assertThat(dirs.logFile()).isEqualTo(Path.of("/home/u/.local/state/meshwalk/meshwalk.log"));
        UserDirs xdg = UserDirs.from(Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "/s"));
        assertThat(xdg.progressFile()).isEqualTo(Path.of("/c/meshwalk/progress.json"));
        assertThat(xdg.logFile()).isEqualTo(Path.of("/s/meshwalk/meshwalk.log"));
        assertThat(TutorialCommand.columns(Map.of("COLUMNS", "120"))).isEqualTo(120);
        assertThat(TutorialCommand.columns(Map.of("COLUMNS", "wide"))).isEqualTo(80);
    }
}
