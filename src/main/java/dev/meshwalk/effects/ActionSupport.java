package dev.meshwalk.effects;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployPlan;

/**
 * What the actions need from the composition root: the stack name and project, each chapter's template and
 * parameters, and the scripted subcommands' formatting (change-set preview, sparklines), so the TUI, line mode
 * and the subcommands describe things in the same words.
 */
public interface ActionSupport {

    String stackName();

    String project();

    String template(String chapterId) throws IOException;

    Map<String, String> parameters();

    /** The change-set preview lines (+ add, ~ modify [replaced], - remove, with plain-language descriptions). */
    List<String> preview(DeployPlan.Ready plan);

    /**
     * The app images for a deploy on this session's target, as stack parameters ({@code FrontAppImage},
     * {@code ColorAppImage}) that override {@link #parameters()}: on real AWS built and pushed to ECR (unchanged
     * apps are not pushed again), reporting upload progress as lines; on other targets nothing (empty map). Lives
     * here because building images needs the {@code images} package, which effects may not use.
     *
     * @throws ImageStepFailed with the learner-facing explanation and next step when the images cannot be made
     */
    default Map<String, String> appImages(CloudSession session, Consumer<String> progress) {
        return Map.of();
    }

    /** A series as one line of block characters, at most {@code width} wide; a {@code null} value is a blank gap. */
    String sparkline(List<Double> values, int width);
}
