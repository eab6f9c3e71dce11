package dev.meshwalk.line;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads line mode's teardown picks: {@code all}, {@code none}, or item numbers as the menu shows them (from 1),
 * separated by spaces or commas. Anything else, or a number outside the menu, is refused as a whole, so a typo
 * never deletes something the learner did not mean.
 */
final class TeardownPicks {

    private static final Pattern NUMBERS = Pattern.compile("\\d+([\\s,]+\\d+)*");

    private TeardownPicks() {
    }

    /** Whether the line looks like picks (so it is not read as a command while the menu asks). */
    static boolean looksLikePicks(String line) {
        String t = line.strip().toLowerCase(Locale.ROOT);
        return t.equals("all") || t.equals("none") || NUMBERS.matcher(t).matches();
    }

    /** The 0-based indexes picked, or empty when the line is not valid picks for a menu of {@code size} items. */
    static Optional<Set<Integer>> parse(String line, int size) {
        String t = line.strip().toLowerCase(Locale.ROOT);
        Set<Integer> picked = new HashSet<>();
        if (t.equals("all")) {
            for (int i = 0; i < size; i++) {
                picked.add(i);
            }
            return Optional.of(picked);
        }
        if (t.equals("none")) {
            return Optional.of(picked);
        }
        if (!NUMBERS.matcher(t).matches()) {
            return Optional.empty();
        }
        for (String n : t.split("[\\s,]+")) {
            int number;
            try {
                number = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (number < 1 || number > size) {
                return Optional.empty();
            }
            picked.add(number - 1);
        }
        return Optional.of(picked);
    }
}
