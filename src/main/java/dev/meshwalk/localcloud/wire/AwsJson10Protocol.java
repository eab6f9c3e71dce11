package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * awsJson1_0, what pip's AWS CLI v1 (botocore 1.43) speaks to CloudWatch: {@code POST /} with
 * {@code X-Amz-Target: GraniteServiceVersion20100801.<Op>} and a JSON body; timestamps are epoch seconds.
 * Errors carry a qualified {@code __type} and, for awsQueryCompatible services, {@code x-amzn-query-error}.
 */
final class AwsJson10Protocol implements WireProtocol {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    @Override
    public String name() {
        return "awsJson1_0";
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
        String signingName = ServiceWireInfo.byTargetPrefix(prefix).map(ServiceWireInfo::signingName)
                .orElseThrow(() -> new WireFault(WireFault.Kind.UNKNOWN_SERVICE,
                        "X-Amz-Target prefix '" + prefix + "' names no service of this local cloud"));
        if (!request.method().equals("POST")) {
            throw new WireFault(WireFault.Kind.METHOD_NOT_ALLOWED, "JSON operations accept only POST, not " + request.method());
        }
        return new WireCall(signingName, operation, new Params(TreeReader.json(request.body())));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        return WireResponse.of(200, CONTENT_TYPE, TreeWriter.json(QueryProtocol.asMap(output)));
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        return WireResponse.of(error.httpStatus(), CONTENT_TYPE,
                        TreeWriter.json(JsonErrorBodies.body(error, signingName, true)))
                .withHeader("x-amzn-query-error", JsonErrorBodies.queryErrorHeader(error));
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        return JsonErrorBodies.fromFault(fault);
    }
}
