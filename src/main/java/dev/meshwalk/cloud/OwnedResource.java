package dev.meshwalk.cloud;

/**
 * Something the tutorial created on the target: its stack (tagged {@code meshwalk:managed=true}), a dashboard
 * named with the tutorial's prefix, an ECR repository of the app images (tagged as ours; deleted with its images),
 * or, found only by the check after a teardown, an EC2 resource still tagged as ours (which goes with its stack,
 * so teardown never deletes it on its own), or a CloudWatch alarm a chapter's stack created (chapter 5's) still
 * there once the stack is gone.
 */
public record OwnedResource(Kind kind, String name, String state) {

    /** The kinds of things teardown knows how to remove. */
    public enum Kind {
        STACK("CloudFormation stack"), DASHBOARD("CloudWatch dashboard"),
        ECR_REPOSITORY("ECR repository (with its images)"), EC2_RESOURCE("EC2"), STACK_ALARM("CloudWatch alarm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
