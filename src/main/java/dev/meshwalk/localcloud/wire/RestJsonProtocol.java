package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * restJson1, what both the SDK and the CLIs speak to X-Ray and App Mesh: JSON bodies on the paths of
 * {@link RestJsonRoutes}, with URI labels and query-string members merged into the input (their names are the
 * members' names in these models), timestamps as epoch seconds; an output with a {@code payload} member is sent as
 * that member alone. Errors as {@code X-Amzn-ErrorType} plus a body with {@code __type} and {@code message}.
 */
final class RestJsonProtocol implements WireProtocol {

    static final String CONTENT_TYPE = "application/json";

    private final RestJsonRoutes routes;

    RestJsonProtocol(RestJsonRoutes routes) {
        this.routes = routes;
    }

    @Override
    public String name() {
        return "restJson1";
    }

    boolean accepts(WireRequest request) {
        return routes.onPath(request.path()).isPresent();
    }

    @Override
    public WireCall decode(WireRequest request) {
        RestJsonRoutes.Route route = routes.find(request.method(), request.path())
                .orElseThrow(() -> new WireFault(WireFault.Kind.METHOD_NOT_ALLOWED,
                        request.path() + " accepts only " + routes.onPath(request.path()).orElseThrow().method()
                                + ", not " + request.method()));
        Map<String, Object> input = new LinkedHashMap<>(TreeReader.json(request.body()));
        for (Map.Entry<String, String> q : QueryFormDecoder.pairs(request.rawQuery())) {
            input.putIfAbsent(q.getKey(), q.getValue());
        }
        input.putAll(route.bind(request.path()).orElseThrow());
        return new WireCall(route.signingName(), route.operation(), new Params(input));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        Map<?, ?> members = QueryProtocol.asMap(output);
        String payload = routes.ofOperation(call.signingName(), call.operation())
                .map(RestJsonRoutes.Route::payload).orElse(null);
        return WireResponse.of(200, CONTENT_TYPE,
                TreeWriter.json(payload == null ? members : QueryProtocol.asMap(members.get(payload))));
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        return WireResponse.of(error.httpStatus(), CONTENT_TYPE,
                        TreeWriter.json(JsonErrorBodies.body(error, signingName, false)))
                .withHeader("X-Amzn-ErrorType", error.shape());
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        return JsonErrorBodies.fromFault(fault);
    }
}
