package dev.meshwalk.cloud;

/**
 * Something the tutorial created on the target and may delete: its stack (tagged {@code meshwalk:managed=true})
 * or a dashboard named with the tutorial's prefix.
 */
public record OwnedResource(Kind kind, String name, String state) {

    /** The kinds of things teardown knows how to remove. */
    public enum Kind {
        STACK("CloudFormation stack"), DASHBOARD("CloudWatch dashboard");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
