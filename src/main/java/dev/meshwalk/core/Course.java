package dev.meshwalk.core;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.meshwalk.content.Chapter;

/**
 * The course: the catalog's chapters in order and what the learner keeps across runs (saved with progress): the
 * mark on each chapter and the stack parameters set for each chapter's deploys.
 *
 * @param chapters   the catalog's chapters, in order
 * @param marks      progress per chapter id; a missing id means NOT_STARTED
 * @param parameters per chapter id, the stack parameter values the learner set ({@code ColorWeight=90}); every
 *                   later deploy of that chapter sends them until they are set again. A missing id: none set
 */
public record Course(List<Chapter> chapters, Map<String, Mark> marks, Map<String, Map<String, String>> parameters) {

    public Course {
        chapters = List.copyOf(chapters);
        marks = Map.copyOf(marks);
        parameters = copyOf(parameters);
    }

    /** An immutable copy of per-chapter parameters (null: none). */
    static Map<String, Map<String, String>> copyOf(Map<String, Map<String, String>> parameters) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((id, values) -> copy.put(id, Map.copyOf(values)));
        }
        return Map.copyOf(copy);
    }

    public Course(List<Chapter> chapters, Map<String, Mark> marks) {
        this(chapters, marks, Map.of());
    }

    public Mark mark(String chapterId) {
        return marks.getOrDefault(chapterId, Mark.NOT_STARTED);
    }

    /** The parameter values the learner set for this chapter's deploys (empty: the template's defaults). */
    public Map<String, String> parameters(String chapterId) {
        return parameters.getOrDefault(chapterId, Map.of());
    }

    Course withMarks(Map<String, Mark> m) {
        return new Course(chapters, m, parameters);
    }

    Course withMark(String chapterId, Mark m) {
        Map<String, Mark> copy = new HashMap<>(marks);
        copy.put(chapterId, m);
        return new Course(chapters, copy, parameters);
    }

    /** Every chapter's saved parameters at once (loading progress). */
    Course withAllParameters(Map<String, Map<String, String>> p) {
        return new Course(chapters, marks, p);
    }

    /** The values merged over those the chapter had: set ones change, the others are kept. */
    Course withParameters(String chapterId, Map<String, String> set) {
        Map<String, String> merged = new LinkedHashMap<>(parameters(chapterId));
        merged.putAll(set);
        Map<String, Map<String, String>> copy = new HashMap<>(parameters);
        copy.put(chapterId, merged);
        return new Course(chapters, marks, copy);
    }

    /** Saving what this course keeps across runs. */
    Effect.SaveProgress save() {
        return new Effect.SaveProgress(marks, parameters);
    }
}
