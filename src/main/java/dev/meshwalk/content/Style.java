package dev.meshwalk.content;

/**
 * What a piece of rendered text means, not how a terminal shows it. Each front-end maps these to its own
 * attributes (bold, colour, nothing at all in plain text), so the renderer never needs to know the terminal.
 */
public enum Style {
    HEADING, BOLD, ITALIC, CODE, CODE_BLOCK, LINK, DIM, QUOTE, TABLE_BORDER, TABLE_HEADER, BULLET
}
