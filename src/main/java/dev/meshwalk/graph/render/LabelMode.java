package dev.meshwalk.graph.render;

/** What the edge labels show; the TUI cycles through them with a key. */
public enum LabelMode {
    /** Requests per minute over the window. */
    RPM("requests/min"),
    /** Share of the caller's outgoing requests, in percent (weighted routing shows as 50% / 50%). */
    SHARE("share of caller's calls"),
    /** Average response time the caller saw. */
    LATENCY("avg latency");

    private final String description;

    LabelMode(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The next mode, wrapping around. */
    public LabelMode next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
