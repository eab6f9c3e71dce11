package dev.meshwalk.app;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.effects.ActionSupport;
import dev.meshwalk.effects.ImageStepFailed;
import dev.meshwalk.images.ImageBuildException;

/**
 * Gives the interactive actions the same templates and parameters as the scripted subcommands
 * ({@link ChapterRef}, {@link DeployCommand#parameters}), and
 * the same image step as {@code deploy --aws} ({@link AppImagePublisher}, with {@link ImageStepAdvice}'s words).
 * The base image comes from {@code MESHWALK_BASE_IMAGE} (the full screen has no {@code --base-image}).
 */
final class TutorialActionSupport implements ActionSupport {

    private final String project;
    private final AppImagePublisher images;
    private final Function<CloudSession, ImageRegistry> registries;
    private final boolean awsStepsOnAnyTarget;
    private final ImageStepAdvice.Where where;
    private final CostNoticeMemory costNotices;

    /**
     * @param registries          where the images go for a session (ECR in the product)
     * @param awsStepsOnAnyTarget run the AWS-only steps (preflight, cost notice, images) on every target: for the
     *                            test that proves them against a local cloud and a registry on loopback
     */
    TutorialActionSupport(String project, AppImagePublisher images,
            Function<CloudSession, ImageRegistry> registries, boolean awsStepsOnAnyTarget) {
        this(project, images, registries, awsStepsOnAnyTarget, ImageStepAdvice.Where.INTERACTIVE);
    }

    /**
     * @param images where the app images come from, or null for no image step (the scripted {@code deploy} with
     *               {@code --skip-images}, or off AWS)
     * @param where  whose words the image step's advice uses (the keys of the full screen, or the options)
     */
    TutorialActionSupport(String project, AppImagePublisher images, Function<CloudSession, ImageRegistry> registries,
            boolean awsStepsOnAnyTarget, ImageStepAdvice.Where where) {
        this.project = project;
        this.images = images;
        this.registries = registries;
        this.awsStepsOnAnyTarget = awsStepsOnAnyTarget;
        this.where = where;
        this.costNotices = CostNoticeMemory.forUser();
    }

    static TutorialActionSupport fromEnvironment(Map<String, String> env) {
        String p = env.get("MESHWALK_PROJECT");
        Optional<String> base = Optional.ofNullable(env.get("MESHWALK_BASE_IMAGE")).map(String::strip).filter(b -> !b.isEmpty());
        return new TutorialActionSupport(p == null || p.isBlank() ? ProjectOption.DEFAULT : p.strip(),
                AppImagePublisher.ofRunningApps(base), EcrImageRegistry::new, false);
    }

    @Override
    public String stackName() {
        return DeployRequest.stackNameFor(project);
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public String template(String chapterId) throws IOException {
        return new ChapterRef(chapterId).template();
    }

    @Override
    public Map<String, String> parameters() {
        return DeployCommand.parameters(project);
    }

    @Override
    public boolean awsSteps(CloudSession session) {
        return awsStepsOnAnyTarget || ActionSupport.super.awsSteps(session);
    }

    @Override
    public boolean costNoticeAccepted(CloudSession session) {
        return costNotices.accepted(session);
    }

    @Override
    public void rememberCostNotice(CloudSession session) {
        costNotices.remember(session);
    }

    @Override
    public Map<String, String> appImages(CloudSession session, Consumer<String> progress) {
        if (images == null || !awsSteps(session)) {
            return Map.of();
        }
        try (ImageRegistry registry = registries.apply(session)) {
            return images.publish(registry, project, progress);
        } catch (ImageBuildException | DeployException e) {
            throw new ImageStepFailed(ImageStepAdvice.lines(e, images.baseImage(), where), e);
        }
    }
}
