package dev.meshwalk.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ordered chapters, read from {@code index.txt} and one lesson file per line of it. A file that is missing
 * or malformed does not stop the tutorial: its chapter stays in the list (numbers keep their meaning), its body
 * says what is wrong, and {@link #problems()} lists it for the status bar.
 */
public final class ChapterCatalog {

    public static final String INDEX = "index.txt";

    private final List<Chapter> chapters;
    private final List<String> problems;

    private ChapterCatalog(List<Chapter> chapters, List<String> problems) {
        this.chapters = List.copyOf(chapters);
        this.problems = List.copyOf(problems);
    }

    /** The lessons packaged in the jar. */
    public static ChapterCatalog packaged() {
        return load(LessonSource.classpath("lessons"));
    }

    public static ChapterCatalog of(List<Chapter> chapters) {
        return new ChapterCatalog(chapters, List.of());
    }

    public static ChapterCatalog load(LessonSource source) {
        List<String> problems = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try {
            Optional<String> index = source.read(INDEX);
            if (index.isEmpty()) {
                return new ChapterCatalog(List.of(), List.of("no lessons found (" + INDEX + " is missing)"));
            }
            for (String line : index.get().split("\n")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    files.add(name);
                }
            }
        } catch (IOException e) {
            return new ChapterCatalog(List.of(), List.of("cannot read " + INDEX + ": " + e.getMessage()));
        }
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            String fallbackId = file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
            String problem;
            try {
                Optional<String> text = source.read(file);
                if (text.isPresent()) {
                    chapters.add(LessonParser.parse(i, file, text.get()));
                    continue;
                }
                problem = file + " is listed in " + INDEX + " but missing";
            } catch (LessonFormatException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = file + " cannot be read: " + e.getMessage();
            }
            problems.add(problem);
            chapters.add(new Chapter(i, fallbackId, titleFromId(fallbackId), "",
                    "# This lesson could not be read\n\n" + problem + "\n\nThe other chapters still work.", problem));
        }
        return new ChapterCatalog(chapters, problems);
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    public List<String> problems() {
        return problems;
    }

    public int size() {
        return chapters.size();
    }

    /**
     * Finds a chapter by number ({@code 2}), id ({@code 2-meshify}), id without its number ({@code meshify})
     * or title, ignoring case.
     */
    public Optional<Chapter> find(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        String r = ref.strip().toLowerCase(Locale.ROOT);
        if (r.matches("\\d{1,4}")) {
            int n = Integer.parseInt(r);
            return n < chapters.size() ? Optional.of(chapters.get(n)) : Optional.empty();
        }
        for (Chapter c : chapters) {
            String id = c.id().toLowerCase(Locale.ROOT);
            if (id.equals(r) || id.replaceFirst("^\\d+-", "").equals(r) || c.title().toLowerCase(Locale.ROOT).equals(r)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** "0..3 or an id such as 2-meshify": for messages that tell the user what would have worked. */
    public String describeRefs() {
        if (chapters.isEmpty()) {
            return "no chapters are available";
        }
        return "a number 0-" + (chapters.size() - 1) + " or an id (" + String.join(", ", chapters.stream().map(Chapter::id).toList()) + ")";
    }

    private static String titleFromId(String id) {
        String bare = id.replaceFirst("^\\d+-", "");
        return bare.isEmpty() ? id : Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
    }
}
