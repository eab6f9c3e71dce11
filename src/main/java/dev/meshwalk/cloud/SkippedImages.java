package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which app images a deploy with {@code --skip-images} uses, since it builds and pushes none. The tutorial's
 * default references ({@code front:latest}, {@code color:latest}) mean something only to the local cloud: sent to
 * AWS, a new stack cannot pull them and an existing one would swap its working ECR images for them and hang. So
 * each app's image comes from its option ({@code --front-image} / {@code --color-image}), else from the stack's
 * current parameter (the image it runs now); a stack that does not exist yet (or only failed to) has none to give,
 * and the deploy stops and says which options to pass.
 */
public final class SkippedImages {

    /** The stack parameters that name the app images, with the option that sets each. */
    static final Map<String, String> OPTION_BY_PARAMETER = Map.of("FrontAppImage", "--front-image",
            "ColorAppImage", "--color-image");

    private SkippedImages() {
    }

    /** The images to send, and a line saying where each came from; or the lines that explain the stop. */
    public sealed interface Choice {
        /** Deploy with these parameter values. */
        record Use(Map<String, String> images, List<String> notes) implements Choice {
        }

        /** Stop before creating anything. */
        record Refuse(List<String> lines) implements Choice {
        }
    }

    /** Reads the stack (its state and current parameters) and chooses. */
    public static Choice choose(CloudSession session, String stackName, Optional<String> frontImage,
            Optional<String> colorImage) {
        Stacks stacks = new Stacks(session);
        boolean running = stacks.find(stackName).map(s -> s.condition() != StackInfo.Condition.GONE
                && s.condition() != StackInfo.Condition.EMPTY && s.condition() != StackInfo.Condition.FAILED_CREATE)
                .orElse(false);
        return choose(stackName, running ? stacks.parameters(stackName) : Map.of(),
                Map.of("FrontAppImage", frontImage, "ColorAppImage", colorImage));
    }

    /**
     * The rule, without I/O: an option wins; else the running stack's current value; else stop.
     *
     * @param current the running stack's parameters, empty when there is no running stack
     * @param given   the options, by parameter name
     */
    static Choice choose(String stackName, Map<String, String> current, Map<String, Optional<String>> given) {
        Map<String, String> images = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String parameter : List.of("FrontAppImage", "ColorAppImage")) {
            Optional<String> option = given.getOrDefault(parameter, Optional.empty()).map(String::strip)
                    .filter(v -> !v.isEmpty());
            String running = current.get(parameter);
            if (option.isPresent()) {
                images.put(parameter, option.get());
                notes.add("  " + parameter + ": " + option.get() + " (from " + OPTION_BY_PARAMETER.get(parameter) + ")");
            } else if (running != null && !running.isBlank()) {
                images.put(parameter, running);
                notes.add("  " + parameter + ": " + running + " (what " + stackName + " runs now)");
            } else {
                missing.add(OPTION_BY_PARAMETER.get(parameter));
            }
        }
        if (missing.isEmpty()) {
            notes.add(0, "Images: --skip-images, so nothing is built or pushed; the stack gets:");
            return new Choice.Use(images, notes);
        }
        return new Choice.Refuse(List.of(
                "Stopped before creating anything: --skip-images builds no images, and " + stackName
                        + (current.isEmpty() ? " does not run yet, so it has none to reuse." : " names no image to reuse."),
                "Pass the images the stack should run, e.g. " + String.join(" ", missing.stream()
                        .map(o -> o + " <account>.dkr.ecr.<region>.amazonaws.com/<project>/" + o.substring(2, o.indexOf("-image"))
                                + ":<tag>").toList()) + ",",
                "or leave out --skip-images to build and push them (Jib, no Docker needed)."));
    }
}
