package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image step's lines for the deploy pane: the builder reports each app's upload in 10 % steps
 * ({@code "  image front: 40 % (...)"}); the pane keeps only the latest step per app in place, so two uploads
 * take two lines instead of twenty-two and the change-set preview stays on screen.
 */
final class ImageProgressLines {

    private static final Pattern STEP = Pattern.compile("^\\s*image (\\S+): \\d+ %.*");

    private final List<String> lines = new ArrayList<>();

    synchronized void accept(String line) {
        String app = stepOf(line);
        if (app != null && !lines.isEmpty() && app.equals(stepOf(lines.get(lines.size() - 1)))) {
            lines.set(lines.size() - 1, line);
        } else {
            lines.add(line);
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private static String stepOf(String line) {
        Matcher m = STEP.matcher(line);
        return m.matches() ? m.group(1) : null;
    }
}
