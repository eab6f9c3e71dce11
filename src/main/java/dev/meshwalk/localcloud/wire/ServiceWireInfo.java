package dev.meshwalk.localcloud.wire;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each protocol needs to know about a service that is not the service's business: its awsQuery API
 * version and XML namespace, its Smithy namespace (the prefix of {@code __type} in CBOR and JSON errors),
 * its {@code X-Amz-Target} prefix (also its RPCv2 service id) and JSON version, all as its botocore model's
 * {@code metadata} says. Keyed by SigV4 signing name, the name services register under.
 *
 * <p>A JSON service listed here answers once a service class is registered under its signing name (Cloud Map and
 * CloudWatch Logs are, by {@code LocalCloudServices}); a listed one without a service gets
 * {@code UnknownOperationException}.
 *
 * @param jsonVersion        {@code 1.0} or {@code 1.1} for services reached by {@code X-Amz-Target}, else null
 * @param awsQueryCompatible JSON and CBOR errors carry a qualified {@code __type} and {@code x-amzn-query-error}
 *                           (services that moved off awsQuery, i.e. CloudWatch)
 * @param rpcV2Cbor          the service also speaks Smithy RPC v2 CBOR under its target prefix
 */
public record ServiceWireInfo(String signingName, String queryVersion, String xmlNamespace,
                              String smithyNamespace, String targetPrefix, String jsonVersion,
                              boolean awsQueryCompatible, boolean rpcV2Cbor, Set<String> operationsWithoutOutput) {

    /*
     * Operations whose model has no output shape (taken from the service models bundled with AWS CLI
     * 2.9.19). awsQuery answers them with ResponseMetadata only; every other operation needs its
     * <OpResult> wrapper even when empty, or botocore fails with KeyError 'OpResult'.
     */
    private static final List<ServiceWireInfo> KNOWN = List.of(
            new ServiceWireInfo("cloudformation", "2010-05-15",
                    "http://cloudformation.amazonaws.com/doc/2010-05-15/", "com.amazonaws.cloudformation", null, null,
                    false, false, Set.of("CancelUpdateStack", "DeleteStack", "SetStackPolicy", "SignalResource")),
            new ServiceWireInfo("monitoring", "2010-08-01",
                    "http://monitoring.amazonaws.com/doc/2010-08-01/", "com.amazonaws.cloudwatch",
                    "GraniteServiceVersion20100801", "1.0", true, true,
                    Set.of("DeleteAlarms", "DisableAlarmActions", "EnableAlarmActions", "PutCompositeAlarm",
                            "PutMetricAlarm", "PutMetricData", "SetAlarmState")),
            new ServiceWireInfo("xray", null, null, "com.amazonaws.xray", null, null, false, false, Set.of()),
            query("elasticloadbalancing", "2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"),
            query("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/"),
            query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/"),
            json11("ecs", "com.amazonaws.ecs", "AmazonEC2ContainerServiceV20141113"),
            json11("servicediscovery", "com.amazonaws.servicediscovery", "Route53AutoNaming_v20170314"),
            json11("logs", "com.amazonaws.cloudwatchlogs", "Logs_20140328"));

    /** A read-only awsQuery service: every operation it serves has an output shape. */
    private static ServiceWireInfo query(String signingName, String version, String xmlNamespace) {
        return new ServiceWireInfo(signingName, version, xmlNamespace, null, null, null, false, false, Set.of());
    }

    private static ServiceWireInfo json11(String signingName, String smithyNamespace, String targetPrefix) {
        return new ServiceWireInfo(signingName, null, null, smithyNamespace, targetPrefix, "1.1", false, false,
                Set.of());
    }

    /** True when awsQuery should send an {@code <OpResult>} element for this operation, even an empty one. */
    public static boolean hasQueryResult(String signingName, String operation) {
        return bySigningName(signingName).map(s -> !s.operationsWithoutOutput.contains(operation)).orElse(true);
    }

    public static Collection<ServiceWireInfo> known() {
        return KNOWN;
    }

    public static Optional<ServiceWireInfo> bySigningName(String signingName) {
        return KNOWN.stream().filter(s -> s.signingName.equals(signingName)).findFirst();
    }

    public static Optional<ServiceWireInfo> byQueryVersion(String version) {
        return KNOWN.stream().filter(s -> version.equals(s.queryVersion)).findFirst();
    }

    /** The service behind an RPCv2 CBOR service id, e.g. {@code GraniteServiceVersion20100801}. */
    public static Optional<ServiceWireInfo> byRpcV2ServiceId(String serviceId) {
        return byTargetPrefix(serviceId).filter(ServiceWireInfo::rpcV2Cbor);
    }

    /**
     * The service behind an RPCv2 service id or JSON target prefix, e.g. {@code GraniteServiceVersion20100801}
     * or the fully qualified {@code com.amazonaws.cloudwatch.GraniteServiceVersion20100801}.
     */
    public static Optional<ServiceWireInfo> byTargetPrefix(String prefix) {
        return KNOWN.stream()
                .filter(s -> s.targetPrefix != null)
                .filter(s -> prefix.equals(s.targetPrefix) || prefix.equals(s.smithyNamespace + "." + s.targetPrefix))
                .findFirst();
    }
}
