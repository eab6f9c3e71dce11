package dev.meshwalk.localcloud.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer to a request no protocol claims (an unknown path, a method no protocol uses): a JSON
 * {@code UnknownOperationException}, shaped as REST-JSON clients read errors, that names what was asked and
 * what this endpoint serves.
 */
final class UnroutableAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UnroutableAnswer() {
    }

    static WireResponse of(WireRequest request, String requestId) {
        String message = "No AWS operation matches " + request.method() + " " + request.path()
                + ". This local cloud serves awsQuery form POSTs at /, RPCv2 CBOR at /service/{service}/operation/{operation},"
                + " JSON 1.0 with X-Amz-Target, and the X-Ray and App Mesh REST paths";
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", "UnknownOperationException");
        body.put("message", message);
        try {
            return WireResponse.of(404, "application/json", JSON.writeValueAsBytes(body))
                    .withHeader("X-Amzn-ErrorType", "UnknownOperationException");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
