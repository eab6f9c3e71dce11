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

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class CredentialAdviceTest {

    @TempDir
    Path home;

    private AwsEnvironment env() {
        Map<String, String> vars = Map.of("HOME", home.toString());
        return new AwsEnvironment(vars, AwsEnvironment.loadProfiles(vars), false);
    }

    @Test
    void noCredentialsAnywhereNamesConfigureSsoLoginAndTheProfileSwitches() {
        SdkClientException sdk = SdkClientException.create("Unable to load credentials from any of the providers in the"
                + " chain AwsCredentialsProviderChain(...): [EnvironmentVariableCredentialsProvider(): Access key must be"
                + " specified ...]");
        CloudSetupException e = CredentialAdvice.explain(sdk, Optional.empty(), env());
        assertThat(e.getMessage()).containsIgnoringCase("credentials");
        assertThat(e.explain()).contains("aws configure").contains("aws sso login").contains("--profile")
                .contains("AWS_PROFILE").doesNotContain("EnvironmentVariableCredentialsProvider");
    }

    @Test
    void anExpiredSsoSessionAsksForSsoLoginWithThatProfile() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nsso_session = corp\nsso_account_id = 1\n"
                + "sso_role_name = Admin\nregion = eu-west-1\n[sso-session corp]\nsso_start_url = https://x/start\n"
                + "sso_region = eu-west-1\n");
        SdkClientException sdk = SdkClientException.create("The SSO session associated with this profile has expired or is"
                + " otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.");
        CloudSetupException e = CredentialAdvice.explain(sdk, Optional.of("dev"), env());
        assertThat(e.getMessage()).contains("SSO session").contains("'dev'");
        assertThat(e.nextSteps()).first().asString().isEqualTo("aws sso login --profile dev");
    }

    @Test
    void anExpiredTokenFromStsSaysExpiredAndHowToRefresh() {
        AwsServiceException sts = AwsServiceException.builder().message("The security token included in the request is expired")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ExpiredToken")
                        .errorMessage("The security token included in the request is expired").build()).build();
        CloudSetupException e = CredentialAdvice.explain(sts, Optional.of("dev"), env());
        assertThat(e.getMessage()).contains("expired");
        assertThat(e.explain()).contains("aws sso login --profile dev").contains("AWS_PROFILE");
    }

    @Test
    void anUnknownAccessKeySaysRejectedAndSuggestsConfigure() {
        AwsServiceException sts = AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidClientTokenId").errorMessage("bad").build()).build();
        CloudSetupException e = CredentialAdvice.explain(sts, Optional.empty(), env());
        assertThat(e.getMessage()).contains("rejected").contains("InvalidClientTokenId");
        assertThat(e.explain()).contains("aws configure");
    }

    @Test
    void openingAnAwsSessionWithAProfileWithoutKeysFailsWithAdviceNotATrace() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile empty]\nregion = eu-west-1\n");
        CloudTarget target = AwsTargets.aws(Optional.empty(), Optional.of("empty"), env());
        assertThatThrownBy(() -> CloudSession.open(target, env(), true))
                .isInstanceOfSatisfying(CloudSetupException.class, e -> {
                    assertThat(e.getMessage()).contains("No AWS credentials").contains("'empty'");
                    assertThat(e.explain()).contains("aws configure --profile empty");
                });
    }

    /**
     * A profile made by {@code aws login} (console sign-in, {@code login_session}) is read by the SDK's sign-in
     * support (the {@code signin} module is on the class path, so no "module missing" error); without a valid cached
     * session the advice is {@code aws login}, not {@code aws configure}.
     */
    @Test
    void anAwsLoginProfileWithoutAValidSessionAsksForAwsLoginWithThatProfile() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile learner]\nlogin_session = arn:aws:iam::123456789012:user/learner\n"
                + "region = eu-west-1\n");
        assertThat(env().isLoginProfile("learner")).isTrue();
        assertThat(env().isLoginProfile("other")).isFalse();
        CloudTarget target = AwsTargets.aws(Optional.empty(), Optional.of("learner"), env());
        assertThatThrownBy(() -> CloudSession.open(target, env(), true))
                .isInstanceOfSatisfying(CloudSetupException.class, e -> {
                    assertThat(e.getMessage()).contains("aws login").contains("'learner'")
                            .doesNotContainIgnoringCase("module");
                    assertThat(e.nextSteps()).first().asString().isEqualTo("aws login --profile learner");
                    assertThat(e.explain()).doesNotContain("aws configure");
                    // the SDK's sign-in support read the profile and looked for its session (not "module missing")
                    assertThat(e.getCause()).hasMessageContaining("login_session").hasMessageNotContaining("class path");
                });
    }

    /** A mistyped region fails as "host not found"; it is named as not a region, with the closest real one. */
    @Test
    void aMistypedRegionIsNamedAsNotARegionNotAsANetworkFault() {
        SdkClientException unreachable = SdkClientException.builder().message("Unable to execute HTTP request:"
                + " sts.eu-wset-1.amazonaws.com").cause(new java.net.UnknownHostException("sts.eu-wset-1.amazonaws.com")).build();

        assertThat(CredentialAdvice.unknownRegion("eu-wset-1", unreachable)).hasValueSatisfying(e -> {
            assertThat(e.getMessage()).contains("'eu-wset-1' is not an AWS region").contains("not a network fault");
            assertThat(e.nextSteps()).first().asString().startsWith("--region eu-west-1");
        });
        assertThat(CredentialAdvice.unknownRegion("eu-west-1", unreachable)).as("a real region: a network fault").isEmpty();
        assertThat(CredentialAdvice.explain(unreachable, Optional.empty(), env()).getMessage()).contains("could not be reached");
        assertThat(CredentialAdvice.unknownRegion("eu-wset-1", SdkClientException.create("Access key must be specified")))
                .as("not about reaching AWS").isEmpty();
    }
}
