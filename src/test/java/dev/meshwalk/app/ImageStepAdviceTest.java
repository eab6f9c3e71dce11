package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.images.ImageBuildException;

/** What a failed image step tells the learner, and which next step it names, in each front-end. */
class ImageStepAdviceTest {

    @Test
    void noNetworkToTheBaseImageRegistryNamesTheNetworkAndHowToChooseAnotherBase() {
        ImageBuildException e = new ImageBuildException("Building the front image failed: could not reach"
                + " registry-1.docker.io (registry-1.docker.io: Name or service not known)",
                ImageBuildException.Reason.UNREACHABLE, null);

        List<String> interactive = ImageStepAdvice.lines(e, "eclipse-temurin:17-jre", ImageStepAdvice.Where.INTERACTIVE);
        assertThat(interactive.get(0)).contains("could not reach registry-1.docker.io");
        assertThat(String.join("\n", interactive)).contains("eclipse-temurin:17-jre").contains("HTTPS_PROXY")
                .contains("MESHWALK_BASE_IMAGE").contains("press d").doesNotContain("--base-image")
                .contains("Nothing was deployed");

        List<String> scripted = ImageStepAdvice.lines(e, "eclipse-temurin:17-jre", ImageStepAdvice.Where.SCRIPTED);
        assertThat(String.join("\n", scripted)).contains("--base-image IMAGE").contains("run the deploy again")
                .doesNotContain("MESHWALK_BASE_IMAGE");
    }

    @Test
    void anEcrAccessDeniedNamesThePermissionsTheStepUses() {
        DeployException e = new DeployException("Could not create the ECR repository proj/front: AccessDeniedException:"
                + " User: arn:aws:iam::123456789012:user/x is not authorized to perform: ecr:CreateRepository");

        String text = String.join("\n", ImageStepAdvice.lines(e, "eclipse-temurin:17-jre", ImageStepAdvice.Where.INTERACTIVE));

        assertThat(text).contains("ECR denied the request").contains("ecr:CreateRepository").contains("ecr:PutImage")
                .contains("press d to deploy again");
    }

    @Test
    void aRefusedPushNamesThePushPermissionsAndTheBaseImageLogin() {
        ImageBuildException e = new ImageBuildException("The registry refused the color image: 403 Forbidden",
                ImageBuildException.Reason.DENIED, null);

        String text = String.join("\n", ImageStepAdvice.lines(e, "eclipse-temurin:17-jre", ImageStepAdvice.Where.SCRIPTED));

        assertThat(text).contains("A registry refused the request").contains("ecr:InitiateLayerUpload")
                .contains("--base-image IMAGE");
    }

    @Test
    void anyOtherFailurePointsAtTheReasonShown() {
        List<String> lines = ImageStepAdvice.lines(new ImageBuildException("Building the front image failed: No space"
                + " left on device", null), "b", ImageStepAdvice.Where.INTERACTIVE);

        assertThat(lines).containsExactly(
                "The app images could not be built or pushed: Building the front image failed: No space left on device",
                "Next: fix what the line above says, then press d to deploy again.",
                "Nothing was deployed (no change set was created).");
    }
}
