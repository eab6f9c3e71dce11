package dev.meshwalk.graph.render;

/**
 * What a cell means, not how a terminal paints it: the TUI maps these to Lanterna colours and
 * {@link Canvas#toAnsiString()} to SGR codes. Health colours follow the X-Ray console: ok green,
 * 4xx yellow, 5xx red, 429 purple.
 */
public enum Style {
    PLAIN("0"),
    /** Titles and node names. */
    STRONG("1"),
    /** Borders, lines, hints: present but quiet. */
    FAINT("2"),
    /** Type tags and edge labels. */
    TAG("36"),
    OK("32"),
    CLIENT_ERROR("33"),
    FAULT("31"),
    THROTTLE("35");

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    /** The ANSI SGR parameters for this style. */
    public String sgr() {
        return sgr;
    }
}
