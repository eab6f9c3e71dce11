package dev.meshwalk.cloud;

/**
 * Who the tutorial acts as, from STS GetCallerIdentity: shown in the status bar so a learner always knows which
 * account their resources land in.
 */
public record Identity(String account, String arn, String region) {

    /** e.g. {@code account 123456789012, eu-west-1}. */
    public String describe() {
        return "account " + account + ", " + region;
    }
}
