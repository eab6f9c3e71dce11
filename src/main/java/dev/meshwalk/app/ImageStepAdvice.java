package dev.meshwalk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.images.ImageBuildException;

/**
 * What to tell the learner when the image step fails, and what to do next: the scripted {@code deploy} and the
 * full-screen deploy pane say the same things, each naming its own way to change the base image or skip the step.
 * A pure function of the failure, so every message is unit-tested.
 */
final class ImageStepAdvice {

    /** Where the advice is shown, since the ways to choose a base image or retry differ. */
    enum Where { SCRIPTED, INTERACTIVE }

    /** The permissions the image step uses, for the "denied" advice. */
    static final String ECR_PERMISSIONS = "ecr:DescribeRepositories, ecr:CreateRepository, ecr:TagResource,"
            + " ecr:DescribeImages, ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability,"
            + " ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage";

    private ImageStepAdvice() {
    }

    static List<String> lines(RuntimeException failure, String baseImage, Where where) {
        List<String> lines = new ArrayList<>();
        lines.add("The app images could not be built or pushed: " + firstLine(failure.getMessage()));
        String baseChoice = where == Where.SCRIPTED ? "--base-image IMAGE" : "the environment variable MESHWALK_BASE_IMAGE";
        String retry = where == Where.SCRIPTED ? "then run the deploy again" : "then press d to deploy again";
        if (failure instanceof ImageBuildException ibe && ibe.reason() == ImageBuildException.Reason.UNREACHABLE) {
            lines.add("The network did not reach a registry (the base image " + baseImage + " is pulled from its registry,"
                    + " the images are pushed to ECR).");
            lines.add("Next: check the network and any proxy (HTTPS_PROXY), or pick a base image you can reach with "
                    + baseChoice + "; " + retry + ".");
        } else if (failure instanceof ImageBuildException ibe && ibe.reason() == ImageBuildException.Reason.DENIED) {
            lines.add("A registry refused the request: pushing to ECR needs " + ECR_PERMISSIONS + ".");
            lines.add("Next: check the permissions of your AWS identity (or whether the base image's registry wants a login;"
                    + " choose another with " + baseChoice + "); " + retry + ".");
        } else if (failure instanceof DeployException && deniedByAws(failure.getMessage())) {
            lines.add("ECR denied the request: your AWS identity needs " + ECR_PERMISSIONS + ".");
            lines.add("Next: add these permissions (or use a profile that has them); " + retry + ".");
        } else {
            lines.add("Next: fix what the line above says, " + retry + ".");
        }
        lines.add("Nothing was deployed (no change set was created).");
        return lines;
    }

    private static boolean deniedByAws(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("accessdenied") || m.contains("not authorized") || m.contains("unrecognizedclient")
                || m.contains("expiredtoken");
    }

    private static String firstLine(String s) {
        return s == null ? "no reason given" : s.lines().findFirst().orElse(s);
    }
}
