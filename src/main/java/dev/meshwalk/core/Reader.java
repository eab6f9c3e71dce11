package dev.meshwalk.core;

import java.util.List;

import dev.meshwalk.content.StyledLine;

/**
 * Where the learner is reading: the highlighted row of the chapter list, the open chapter and how far down it is
 * scrolled, and that chapter laid out for the screen's text width.
 *
 * @param selected    highlighted row in the chapter list
 * @param current     open chapter in the lesson view (-1 before any is opened)
 * @param scroll      first lesson line shown
 * @param lesson      the current chapter laid out for {@code lessonWidth}
 * @param lessonWidth the width {@code lesson} was laid out for (0: not laid out)
 */
public record Reader(int selected, int current, int scroll, List<StyledLine> lesson, int lessonWidth) {

    public Reader {
        lesson = List.copyOf(lesson);
    }

    static Reader start() {
        return new Reader(0, -1, 0, List.of(), 0);
    }

    Reader withSelected(int v) {
        return new Reader(v, current, scroll, lesson, lessonWidth);
    }

    Reader withCurrent(int v) {
        return new Reader(selected, v, scroll, lesson, lessonWidth);
    }

    Reader withScroll(int v) {
        return new Reader(selected, current, v, lesson, lessonWidth);
    }

    Reader withLesson(List<StyledLine> lines, int width) {
        return new Reader(selected, current, scroll, lines, width);
    }
}
