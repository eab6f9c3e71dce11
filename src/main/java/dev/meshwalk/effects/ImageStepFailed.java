package dev.meshwalk.effects;

import java.util.List;

/**
 * The image step of a deploy on AWS failed; {@link #lines()} say what happened and what to do next, written by
 * the composition root, which knows the options (base image, skipping the step). Shown in the deploy pane.
 */
public final class ImageStepFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    public ImageStepFailed(List<String> lines, Throwable cause) {
        super(lines.isEmpty() ? "The image step failed." : lines.get(0), cause);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
