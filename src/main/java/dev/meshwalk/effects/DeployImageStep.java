package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.meshwalk.cloud.CloudSession;

/**
 * The full-screen deploy's image step, between the preflight and the change set: asks the composition root for
 * the app images ({@link ActionSupport#appImages}), shows its upload progress in the deploy pane as it comes (one
 * progress line per app, updated in place), and hands back the parameters for the change set, or the failure's
 * explanation. On targets without an image step it adds nothing.
 */
final class DeployImageStep {

    /**
     * @param images the image parameters ({@code FrontAppImage}, {@code ColorAppImage}); empty when none were made
     * @param lines  what the step showed (its summary), or on failure the explanation and next step
     */
    record Result(Map<String, String> images, List<String> lines, boolean failed) {

        /** The deploy's parameters: the defaults with the images made here put over them. */
        Map<String, String> parameters(Map<String, String> defaults) {
            Map<String, String> all = new LinkedHashMap<>(defaults);
            all.putAll(images);
            return all;
        }
    }

    private DeployImageStep() {
    }

    /**
     * Runs the step. {@code above} are the lines already in the pane (preflight, cost notice), shown above the
     * progress; {@code show} receives the whole pane text on every progress line.
     */
    static Result run(ActionSupport support, CloudSession session, List<String> above, Consumer<List<String>> show) {
        ImageProgressLines progress = new ImageProgressLines();
        try {
            Map<String, String> images = support.appImages(session, line -> {
                progress.accept(line);
                List<String> pane = new ArrayList<>(above);
                pane.addAll(progress.lines());
                show.accept(pane);
            });
            return new Result(images, progress.lines(), false);
        } catch (ImageStepFailed e) {
            List<String> lines = new ArrayList<>(above);
            lines.addAll(progress.lines());
            lines.addAll(e.lines());
            return new Result(Map.of(), lines, true);
        }
    }
}
