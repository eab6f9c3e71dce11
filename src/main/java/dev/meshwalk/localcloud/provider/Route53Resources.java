package dev.meshwalk.localcloud.provider;

/** Route 53 hosted zones and record sets; the data plane listens here to answer DNS for private zones. */
public final class Route53Resources extends ResourceStore {

    public static final String HOSTED_ZONE = "AWS::Route53::HostedZone";
    public static final String RECORD_SET = "AWS::Route53::RecordSet";
}
