package dev.meshwalk.app;

import java.util.Optional;

import dev.meshwalk.images.AppImageBuilder;
import picocli.CommandLine.Option;

/**
 * {@code deploy}'s options for real AWS: images and the two hidden switches that let the AWS-only steps be
 * proven against a local cloud endpoint (where App Mesh still works and ECR does not exist).
 */
final class AwsDeployOptions {

    @Option(names = "--base-image", paramLabel = "IMAGE",
            description = "Java 17 base image for the front and color images on AWS (default: the ECR Public Gallery's mirror of"
                    + " eclipse-temurin:17-jre, " + AppImageBuilder.DEFAULT_BASE_IMAGE + ").")
    String baseImage;

    @Option(names = "--envoy-image", paramLabel = "IMAGE", description = "Envoy image (default: the public AWS App Mesh Envoy image).")
    String envoyImage;

    @Option(names = "--xray-image", paramLabel = "IMAGE", description = "X-Ray daemon image (default: the public AWS image).")
    String xrayImage;

    @Option(names = "--cloudwatch-agent-image", paramLabel = "IMAGE", description = "CloudWatch agent image (default: the public AWS image).")
    String cloudWatchAgentImage;

    @Option(names = "--skip-images", description = "On AWS: do not build or push the app images (like the seed's"
            + " SKIP_IMAGES=1); the stack keeps the images it runs, or gets --front-image/--color-image.")
    boolean skipImages;

    @Option(names = "--front-image", paramLabel = "IMAGE", description = "With --skip-images: the front image to run.")
    String frontImage;

    @Option(names = "--color-image", paramLabel = "IMAGE", description = "With --skip-images: the color image to run.")
    String colorImage;

    /** Switches the App Mesh refusal off: only for running chapters 2-3 through the AWS steps on a local cloud. */
    @Option(names = "--skip-appmesh-preflight", hidden = true)
    boolean skipAppMeshPreflight;

    /** Runs the AWS-only steps (preflight, cost notice) on an --endpoint-url target too, to prove them on the wire. */
    @Option(names = "--aws-flow", hidden = true)
    boolean forceAwsFlow;

    Optional<String> baseImage() {
        return Optional.ofNullable(baseImage).filter(s -> !s.isBlank());
    }
}
