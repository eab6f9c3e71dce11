package dev.meshwalk.localcloud.wire;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each protocol needs to know about a service that is not the service's business: its awsQuery API
 * version and XML namespace, its Smithy namespace (the prefix of {@code __type} in CBOR and JSON errors),
 * and its JSON {@code X-Amz-Target} prefix. Keyed by SigV4 signing name, the name services register under.
 */
public record ServiceWireInfo(String signingName, String queryVersion, String xmlNamespace,
                              String smithyNamespace, String targetPrefix, Set<String> operationsWithoutOutput) {

    /*
     * Operations whose model has no output shape (taken from the service models bundled with AWS CLI
     * 2.9.19). awsQuery answers them with ResponseMetadata only; every other operation needs its
     * <OpResult> wrapper even when empty, or botocore fails with KeyError 'OpResult'.
     */
    private static final List<ServiceWireInfo> KNOWN = List.of(
            new ServiceWireInfo("cloudformation", "2010-05-15",
                    "http://cloudformation.amazonaws.com/doc/2010-05-15/", "com.amazonaws.cloudformation", null,
                    Set.of("CancelUpdateStack", "DeleteStack", "SetStackPolicy", "SignalResource")),
            new ServiceWireInfo("monitoring", "2010-08-01",
                    "http://monitoring.amazonaws.com/doc/2010-08-01/", "com.amazonaws.cloudwatch",
                    "GraniteServiceVersion20100801",
                    Set.of("DeleteAlarms", "DisableAlarmActions", "EnableAlarmActions", "PutCompositeAlarm",
                            "PutMetricAlarm", "PutMetricData", "SetAlarmState")),
            new ServiceWireInfo("xray", null, null, "com.amazonaws.xray", null, Set.of()));

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
