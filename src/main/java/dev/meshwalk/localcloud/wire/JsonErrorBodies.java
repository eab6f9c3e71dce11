package dev.meshwalk.localcloud.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.meshwalk.localcloud.service.AwsError;

/**
 * The error vocabulary shared by the JSON and CBOR protocols: {@code __type} names the error shape, and
 * for services whose model uses Smithy shape ids it is qualified ({@code com.amazonaws.cloudwatch#
 * DashboardNotFoundError}), which is what makes the SDK pick the modelled exception class.
 */
final class JsonErrorBodies {

    /** Errors of the protocol framework itself, never qualified with a service namespace. */
    private static final Set<String> FRAMEWORK = Set.of("UnknownOperationException", "SerializationException",
            "InternalFailure", "RequestEntityTooLarge", "MethodNotAllowed");

    private JsonErrorBodies() {
    }

    static Map<String, Object> body(AwsError error, String signingName, boolean qualify) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", qualify ? qualifiedType(error, signingName) : error.shape());
        body.put("message", error.getMessage() == null ? "" : error.getMessage());
        error.members().forEach(body::putIfAbsent);
        return body;
    }

    static String qualifiedType(AwsError error, String signingName) {
        if (FRAMEWORK.contains(error.shape()) || error.shape().contains("#") || signingName == null) {
            return error.shape();
        }
        return ServiceWireInfo.bySigningName(signingName)
                .map(info -> info.smithyNamespace() + "#" + error.shape())
                .orElse(error.shape());
    }

    /** {@code x-amzn-query-error: <queryCode>;Sender|Receiver}, for awsQueryCompatible services. */
    static String queryErrorHeader(AwsError error) {
        return error.code() + ";" + (error.isServerFault() ? "Receiver" : "Sender");
    }

    /** Wire rejections in JSON/CBOR terms. */
    static AwsError fromFault(WireFault fault) {
        return switch (fault.kind()) {
            case MALFORMED, MISSING_ACTION -> new AwsError("SerializationException", "SerializationException", 400,
                    fault.getMessage());
            case UNKNOWN_OPERATION, UNKNOWN_SERVICE -> new AwsError("UnknownOperationException",
                    "UnknownOperationException", 404, fault.getMessage());
            case METHOD_NOT_ALLOWED -> new AwsError("MethodNotAllowed", "MethodNotAllowed", 405, fault.getMessage());
            case TOO_LARGE -> new AwsError("RequestEntityTooLarge", "RequestEntityTooLarge", 413, fault.getMessage());
        };
    }
}
