package dev.meshwalk.core;

/**
 * Where stacks go, as the status bar shows it. The label is decided once at start from the flags; the actions
 * layer may refine it later (e.g. once STS has answered with the account) with {@link Msg.TargetResolved}.
 */
public record Target(Kind kind, String label) {

    public enum Kind { LOCAL, AWS, ENDPOINT }

    public static Target local() {
        return new Target(Kind.LOCAL, "LOCAL (embedded local cloud)");
    }

    public static Target aws(String region, String profile) {
        String r = region == null || region.isBlank() ? "(region from your AWS config)" : region;
        return new Target(Kind.AWS, "AWS " + r + (profile == null || profile.isBlank() ? "" : " - profile " + profile));
    }

    public static Target endpoint(String url) {
        return new Target(Kind.ENDPOINT, "ENDPOINT " + url);
    }
}
