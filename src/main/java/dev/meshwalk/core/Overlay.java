package dev.meshwalk.core;

/** A dialog drawn over the current view; it takes the keys until it is closed. */
public enum Overlay { NONE, HELP, CONFIRM_QUIT }
