package dev.meshwalk.localcloud.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * Smithy RPC v2 CBOR, what SDK v2 2.57.8 speaks to CloudWatch: {@code POST .../service/{svc}/operation/{Op}}
 * with a CBOR map body; answers are CBOR with {@code smithy-protocol: rpc-v2-cbor}. CloudWatch is
 * awsQueryCompatible, so errors also carry {@code x-amzn-query-error: <queryCode>;Sender}.
 */
final class RpcV2CborProtocol implements WireProtocol {

    static final String CONTENT_TYPE = "application/cbor";
    private static final Pattern PATH = Pattern.compile("^(.*)/service/([^/]+)/operation/([^/]+)$");

    @Override
    public String name() {
        return "rpcv2Cbor";
    }

    static boolean accepts(WireRequest request) {
        return PATH.matcher(request.path()).matches();
    }

    @Override
    public WireCall decode(WireRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            throw new IllegalStateException("decode called for a path accepts() refused");
        }
        String serviceId = m.group(2);
        String operation = m.group(3);
        String signingName = ServiceWireInfo.byRpcV2ServiceId(serviceId).map(ServiceWireInfo::signingName)
                .orElseThrow(() -> new WireFault(WireFault.Kind.UNKNOWN_SERVICE,
                        "Service '" + serviceId + "' is not served by this local cloud"));
        if (!request.method().equals("POST")) {
            throw new WireFault(WireFault.Kind.METHOD_NOT_ALLOWED,
                    "RPC v2 operations accept only POST, not " + request.method());
        }
        if (request.header("X-Amz-Target").isPresent()) {
            throw new WireFault(WireFault.Kind.MALFORMED, "An RPC v2 CBOR request must not carry X-Amz-Target");
        }
        String protocol = request.header("smithy-protocol").orElse("rpc-v2-cbor");
        if (!protocol.equals("rpc-v2-cbor")) {
            throw new WireFault(WireFault.Kind.MALFORMED,
                    "Unsupported smithy-protocol '" + protocol + "'; this endpoint speaks rpc-v2-cbor");
        }
        String type = request.mediaType();
        if (!type.isEmpty() && !type.equals(CONTENT_TYPE)) {
            throw new WireFault(WireFault.Kind.MALFORMED,
                    "An RPC v2 CBOR body must have Content-Type application/cbor, not " + type);
        }
        return new WireCall(signingName, operation, new Params(TreeReader.cbor(request.body())));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        return WireResponse.of(200, CONTENT_TYPE, TreeWriter.cbor(QueryProtocol.asMap(output)))
                .withHeader("smithy-protocol", "rpc-v2-cbor");
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        return WireResponse.of(error.httpStatus(), CONTENT_TYPE,
                        TreeWriter.cbor(JsonErrorBodies.body(error, signingName, true)))
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("x-amzn-query-error", JsonErrorBodies.queryErrorHeader(error));
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        return JsonErrorBodies.fromFault(fault);
    }
}
