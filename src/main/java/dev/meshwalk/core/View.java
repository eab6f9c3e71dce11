package dev.meshwalk.core;

/** The main screen being shown. Overlays ({@link Overlay}) and the too-small screen sit on top of it. */
public enum View {
    CHAPTERS, LESSON,
    /** One action's pane over the whole body (deploy progress, traffic, the map need the room). */
    ACTION
}
