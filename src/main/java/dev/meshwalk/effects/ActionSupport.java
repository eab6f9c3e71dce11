package dev.meshwalk.effects;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;

/**
 * What the actions need from the composition root: the stack name and project, each chapter's template and
 * parameters, and the AWS-only steps that need packages effects may not use (the cost notice's memory, the images).
 */
public interface ActionSupport {

    String stackName();

    String project();

    String template(String chapterId) throws IOException;

    Map<String, String> parameters();

    /**
     * Whether a deploy on this session's target goes through the AWS-only steps: preflight, cost notice and app
     * images. Real AWS does; the composition root may force them on another target for a test on the wire.
     */
    default boolean awsSteps(CloudSession session) {
        return session.target().kind() == CloudTarget.Kind.AWS;
    }

    /** Whether the learner accepted the cost notice for this session's account and region before. */
    default boolean costNoticeAccepted(CloudSession session) {
        return false;
    }

    /** Remembers that the cost notice was accepted for this session's account and region. */
    default void rememberCostNotice(CloudSession session) {
    }

    /**
     * The app images for a deploy on this session's target, as stack parameters ({@code FrontAppImage},
     * {@code ColorAppImage}) that override {@link #parameters()}: where {@link #awsSteps} holds, built and pushed to
     * ECR (unchanged apps are not pushed again), reporting upload progress as lines; elsewhere nothing (empty map). Lives
     * here because building images needs the {@code images} package, which effects may not use.
     *
     * @throws ImageStepFailed with the learner-facing explanation and next step when the images cannot be made
     */
    default Map<String, String> appImages(CloudSession session, Consumer<String> progress) {
        return Map.of();
    }
}
