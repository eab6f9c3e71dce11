package dev.meshwalk.core;

/** The main screen being shown. Overlays ({@link Overlay}) and the too-small screen sit on top of it. */
public enum View { CHAPTERS, LESSON }
