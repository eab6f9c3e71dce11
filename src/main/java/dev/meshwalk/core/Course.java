package dev.meshwalk.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.meshwalk.content.Chapter;

/**
 * The course: the catalog's chapters in order and the learner's progress on each.
 *
 * @param chapters the catalog's chapters, in order
 * @param marks    progress per chapter id; a missing id means NOT_STARTED
 */
public record Course(List<Chapter> chapters, Map<String, Mark> marks) {

    public Course {
        chapters = List.copyOf(chapters);
        marks = Map.copyOf(marks);
    }

    public Mark mark(String chapterId) {
        return marks.getOrDefault(chapterId, Mark.NOT_STARTED);
    }

    Course withMarks(Map<String, Mark> m) {
        return new Course(chapters, m);
    }

    Course withMark(String chapterId, Mark m) {
        Map<String, Mark> copy = new HashMap<>(marks);
        copy.put(chapterId, m);
        return new Course(chapters, copy);
    }
}
