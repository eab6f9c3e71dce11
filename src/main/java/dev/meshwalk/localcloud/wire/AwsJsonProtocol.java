package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * awsJson1_0 and awsJson1_1, the {@code X-Amz-Target} protocols: {@code POST /} with
 * {@code X-Amz-Target: <TargetPrefix>.<Operation>} and a JSON body; timestamps are epoch seconds. The target
 * prefix names the service ({@link ServiceWireInfo#byTargetPrefix}), whose model fixes the JSON version and so
 * the answer's {@code Content-Type}: 1.0 for CloudWatch (what pip's CLI v1 speaks to it), 1.1 for ECS, Cloud Map
 * and CloudWatch Logs. Adding such a service takes its {@link ServiceWireInfo} entry and an {@code AwsService}.
 *
 * <p>Errors are {@code {"__type": <shape>, "message": ...}}: botocore and the SDK both keep what follows a
 * {@code #}, so a plain shape name is what ECS sends and what both parse. An awsQueryCompatible service
 * (CloudWatch) instead qualifies {@code __type} and adds {@code x-amzn-query-error: <queryCode>;Sender}, which the
 * SDK reads as the error code.
 */
final class AwsJsonProtocol implements WireProtocol {

    private static final String CONTENT_TYPE_PREFIX = "application/x-amz-json-";

    @Override
    public String name() {
        return "awsJson";
    }

    static boolean accepts(WireRequest request) {
        return request.header("X-Amz-Target").isPresent();
    }

    @Override
    public WireCall decode(WireRequest request) {
        String target = request.header("X-Amz-Target").orElseThrow().trim();
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new WireFault(WireFault.Kind.MALFORMED,
                    "X-Amz-Target '" + target + "' is not of the form <ServicePrefix>.<Operation>");
        }
        String prefix = target.substring(0, dot);
        String operation = target.substring(dot + 1);
        String signingName = ServiceWireInfo.byTargetPrefix(prefix).filter(info -> info.jsonVersion() != null)
                .map(ServiceWireInfo::signingName)
                .orElseThrow(() -> new WireFault(WireFault.Kind.UNKNOWN_SERVICE,
                        "X-Amz-Target prefix '" + prefix + "' names no service of this local cloud"));
        if (!request.method().equals("POST")) {
            throw new WireFault(WireFault.Kind.METHOD_NOT_ALLOWED, "JSON operations accept only POST, not " + request.method());
        }
        return new WireCall(signingName, operation, new Params(TreeReader.json(request.body())));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        return WireResponse.of(200, contentType(call.signingName()), TreeWriter.json(QueryProtocol.asMap(output)));
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        boolean queryCompatible = ServiceWireInfo.bySigningName(signingName)
                .map(ServiceWireInfo::awsQueryCompatible).orElse(false);
        WireResponse response = WireResponse.of(error.httpStatus(), contentType(signingName),
                TreeWriter.json(JsonErrorBodies.body(error, signingName, queryCompatible)));
        return queryCompatible ? response.withHeader("x-amzn-query-error", JsonErrorBodies.queryErrorHeader(error))
                : response;
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        return JsonErrorBodies.fromFault(fault);
    }

    /** {@code application/x-amz-json-1.0} or {@code -1.1} as the service's model says; 1.0 when it is unknown. */
    private static String contentType(String signingName) {
        String version = signingName == null ? null
                : ServiceWireInfo.bySigningName(signingName).map(ServiceWireInfo::jsonVersion).orElse(null);
        return CONTENT_TYPE_PREFIX + (version == null ? "1.0" : version);
    }
}
