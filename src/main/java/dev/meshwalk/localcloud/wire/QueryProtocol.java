package dev.meshwalk.localcloud.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * awsQuery: form-encoded {@code Action}/{@code Version} requests in, XML out. CloudFormation speaks it with
 * every client; CloudWatch with AWS CLI v2 2.9.19.
 *
 * <p>The service is chosen by {@code Version} ({@code 2010-05-15} CloudFormation, {@code 2010-08-01}
 * CloudWatch) and, failing that, by the SigV4 scope's signing name.
 */
final class QueryProtocol implements WireProtocol {

    static final String CONTENT_TYPE = "text/xml";

    @Override
    public String name() {
        return "awsQuery";
    }

    /** A form POST, or any request whose URL query names an {@code Action}. */
    static boolean accepts(WireRequest request) {
        String type = request.mediaType();
        boolean formPost = request.method().equals("POST") && request.path().equals("/")
                && (type.equals("application/x-www-form-urlencoded") || type.isEmpty());
        boolean actionInUrl = request.rawQuery() != null
                && (request.rawQuery().startsWith("Action=") || request.rawQuery().contains("&Action="));
        return formPost || actionInUrl;
    }

    @Override
    public WireCall decode(WireRequest request) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (request.rawQuery() != null) {
            pairs.addAll(QueryFormDecoder.pairs(request.rawQuery()));
        }
        if (request.method().equals("POST")) {
            pairs.addAll(QueryFormDecoder.pairs(new String(request.body(), StandardCharsets.UTF_8)));
        }
        String action = null;
        String version = null;
        List<Map.Entry<String, String>> members = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs) {
            switch (pair.getKey()) {
                case "Action" -> action = pair.getValue();
                case "Version" -> version = pair.getValue();
                default -> members.add(pair);
            }
        }
        if (action == null || action.isBlank()) {
            throw new WireFault(WireFault.Kind.MISSING_ACTION,
                    "The request must contain the parameter Action (an awsQuery form such as Action=DescribeStacks&Version=2010-05-15)");
        }
        String signingName = signingName(version, request);
        return new WireCall(signingName, action, new Params(QueryFormDecoder.tree(members)));
    }

    /** The service addressed by {@code Version}, else by the SigV4 scope; null when neither says. */
    static String signingName(String version, WireRequest request) {
        if (version != null) {
            var byVersion = ServiceWireInfo.byQueryVersion(version);
            if (byVersion.isPresent()) {
                return byVersion.get().signingName();
            }
        }
        return SigV4Scope.parse(request.header("Authorization").orElse(null)).service()
                .orElseThrow(() -> new WireFault(WireFault.Kind.UNKNOWN_SERVICE,
                        version == null
                                ? "The request has no Version parameter and no SigV4 credential scope, so the service it addresses is unknown"
                                : "API version " + version + " belongs to no service of this local cloud"));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        Map<?, ?> tree = asMap(output);
        return WireResponse.of(200, CONTENT_TYPE,
                QueryXmlWriter.success(call.operation(), namespace(call.signingName()),
                        ServiceWireInfo.hasQueryResult(call.signingName(), call.operation()), tree, requestId));
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        String type = error.isServerFault() ? "Receiver" : "Sender";
        return WireResponse.of(error.httpStatus(), CONTENT_TYPE,
                QueryXmlWriter.error(namespace(signingName), type, error.code(), error.getMessage(), requestId));
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        String code = switch (fault.kind()) {
            case MALFORMED -> "MalformedQueryString";
            case UNKNOWN_OPERATION, UNKNOWN_SERVICE -> "InvalidAction";
            case MISSING_ACTION -> "MissingAction";
            case METHOD_NOT_ALLOWED -> "MethodNotAllowed";
            case TOO_LARGE -> "RequestEntityTooLarge";
        };
        return new AwsError(code, code, fault.kind().defaultStatus(), fault.getMessage());
    }

    static Map<?, ?> asMap(Object output) {
        if (output == null) {
            return Map.of();
        }
        if (output instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalStateException("A service returned " + output.getClass().getSimpleName()
                + " where an output structure (Map) was expected");
    }

    private static String namespace(String signingName) {
        return signingName == null ? null
                : ServiceWireInfo.bySigningName(signingName).map(ServiceWireInfo::xmlNamespace).orElse(null);
    }
}
