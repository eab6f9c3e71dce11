package dev.meshwalk.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A chapter named on the command line ({@code 3}, {@code 3-routing} or {@code routing}), resolved to its id and
 * its stack template inside the jar ({@code stacks/<id>.yaml}).
 */
record ChapterRef(String id) {

    /** The tutorial's chapters, in order (DESIGN.md section 1). */
    static final List<String> IDS = List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing",
            "4-serviceconnect", "5-canary");

    static Optional<ChapterRef> parse(String arg) {
        String a = arg.trim().toLowerCase(Locale.ROOT);
        for (String id : IDS) {
            if (id.equals(a) || id.substring(0, id.indexOf('-')).equals(a) || id.substring(id.indexOf('-') + 1).equals(a)) {
                return Optional.of(new ChapterRef(id));
            }
        }
        return Optional.empty();
    }

    int number() {
        return Integer.parseInt(id.substring(0, id.indexOf('-')));
    }

    /** The template text shipped in the jar. */
    String template() throws IOException {
        try (InputStream in = ChapterRef.class.getResourceAsStream("/stacks/" + id + ".yaml")) {
            if (in == null) {
                throw new IOException("the jar has no stacks/" + id + ".yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
