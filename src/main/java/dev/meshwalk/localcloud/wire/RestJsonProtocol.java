package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * restJson1, what both the SDK and the CLIs speak to X-Ray: JSON bodies on fixed paths, timestamps as
 * epoch seconds; errors as {@code X-Amzn-ErrorType} plus a body with {@code __type} and {@code message}.
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
        return new WireCall(route.signingName(), route.operation(), new Params(TreeReader.json(request.body())));
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        return WireResponse.of(200, CONTENT_TYPE, TreeWriter.json(QueryProtocol.asMap(output)));
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
