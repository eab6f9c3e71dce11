package dev.meshwalk.localcloud.service;

/**
 * Who asked and where: the region comes from the SigV4 credential scope (the endpoint URL of a local cloud
 * never carries it), the account is the local cloud's fixed account id.
 */
public record RequestContext(String region, String accountId, String requestId) {

    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";
}
