package dev.meshwalk.core;

/**
 * The things a chapter lets you do besides reading. Each has a key in the lesson view and a pane in its action
 * strip. Before its first use each pane says what it does and which key starts it
 * (see {@link ActionPane#untouched}).
 */
public enum Action {
    DEPLOY('d', "Deploy", "deploy this chapter's stack as a previewed change set, with live progress"),
    TRAFFIC('t', "Traffic", "curl /color every 0.5 s: live color ratio, latency and errors"),
    MAP('m', "Service map", "the X-Ray service map: nodes, latency, request rates, errors"),
    METRICS('c', "Metrics", "the chapter's CloudWatch metrics"),
    TEARDOWN('x', "Teardown", "delete what the tutorial created and prove nothing is left");

    private final char key;
    private final String title;
    private final String purpose;

    Action(char key, String title, String purpose) {
        this.key = key;
        this.title = title;
        this.purpose = purpose;
    }

    public char key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public static Action forKey(char c) {
        for (Action a : values()) {
            if (a.key == c) {
                return a;
            }
        }
        return null;
    }
}
