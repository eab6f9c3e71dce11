package dev.meshwalk.content;

/** A lesson file that cannot be read: says which file and what is wrong with it, for a reader, not a trace. */
public final class LessonFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public LessonFormatException(String message) {
        super(message);
    }
}
