package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsTargetsTest {

    @TempDir
    Path home;

    private AwsEnvironment env(Map<String, String> vars) {
        Map<String, String> all = new java.util.HashMap<>(vars);
        all.put("HOME", home.toString());
        return new AwsEnvironment(all, AwsEnvironment.loadProfiles(all), false);
    }

    private void config(String text) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), text);
    }

    @Test
    void regionFlagWinsOverEnvironmentAndProfile() throws IOException {
        config("[default]\nregion = ap-south-1\n");
        CloudTarget t = AwsTargets.aws(Optional.of("eu-west-1"), Optional.empty(), env(Map.of("AWS_REGION", "us-east-2")));
        assertThat(t.region()).isEqualTo("eu-west-1");
        assertThat(t.kind()).isEqualTo(CloudTarget.Kind.AWS);
        assertThat(t.endpoint()).isEmpty();
    }

    @Test
    void regionComesFromAwsRegionThenDefaultRegionThenProfile() throws IOException {
        config("[default]\nregion = ap-south-1\n[profile dev]\nregion = sa-east-1\n");
        assertThat(AwsTargets.aws(Optional.empty(), Optional.empty(),
                env(Map.of("AWS_REGION", "us-east-2", "AWS_DEFAULT_REGION", "us-west-1"))).region()).isEqualTo("us-east-2");
        assertThat(AwsTargets.aws(Optional.empty(), Optional.empty(),
                env(Map.of("AWS_DEFAULT_REGION", "us-west-1"))).region()).isEqualTo("us-west-1");
        assertThat(AwsTargets.aws(Optional.empty(), Optional.empty(), env(Map.of())).region()).isEqualTo("ap-south-1");
        assertThat(AwsTargets.aws(Optional.empty(), Optional.of("dev"), env(Map.of())).region()).isEqualTo("sa-east-1");
        assertThat(AwsTargets.aws(Optional.empty(), Optional.empty(), env(Map.of("AWS_PROFILE", "dev"))).profile())
                .contains("dev");
    }

    @Test
    void missingRegionNamesTheFlagTheVariableAndTheConfigCommand() {
        assertThatThrownBy(() -> AwsTargets.aws(Optional.empty(), Optional.empty(), env(Map.of())))
                .isInstanceOfSatisfying(CloudSetupException.class, e -> {
                    assertThat(e.getMessage()).contains("No AWS region");
                    assertThat(String.join("\n", e.nextSteps())).contains("--region").contains("AWS_REGION")
                            .contains("aws configure set region");
                });
    }

    @Test
    void unknownProfileIsReportedWithTheCommandsThatCreateIt() throws IOException {
        config("[default]\nregion = eu-west-1\n");
        assertThatThrownBy(() -> AwsTargets.aws(Optional.of("eu-west-1"), Optional.of("work"), env(Map.of())))
                .isInstanceOfSatisfying(CloudSetupException.class, e -> {
                    assertThat(e.getMessage()).contains("'work'").contains("not defined");
                    assertThat(e.explain()).contains("aws configure --profile work").contains("aws configure sso --profile work")
                            .contains("AWS_PROFILE");
                });
    }

    @Test
    void anEndpointTargetDefaultsItsRegionAndRejectsNonUrls() {
        CloudTarget t = AwsTargets.endpoint("http://127.0.0.1:4566", Optional.empty(), Optional.empty(), env(Map.of()));
        assertThat(t.kind()).isEqualTo(CloudTarget.Kind.ENDPOINT);
        assertThat(t.region()).isEqualTo(CloudTarget.LOCAL_REGION);
        assertThat(t.endpoint()).map(Object::toString).contains("http://127.0.0.1:4566");
        assertThatThrownBy(() -> AwsTargets.endpoint("127.0.0.1:4566", Optional.empty(), Optional.empty(), env(Map.of())))
                .isInstanceOf(CloudSetupException.class).hasMessageContaining("not usable");
    }

    @Test
    void pollingIsFastLocallyAndGentleOnAws() {
        assertThat(CloudTarget.local(java.net.URI.create("http://127.0.0.1:1")).pollInterval().toMillis()).isLessThanOrEqualTo(250);
        assertThat(CloudTarget.aws("eu-west-1", Optional.empty()).pollInterval().toSeconds()).isGreaterThanOrEqualTo(2);
    }
}
