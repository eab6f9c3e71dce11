package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.RequestContext;

/**
 * Routes every request on the one endpoint to a protocol and a service, and turns whatever happens into an
 * AWS-shaped answer: the order follows the wire spec (RPCv2 CBOR path, then {@code X-Amz-Target} JSON 1.0/1.1,
 * then awsQuery forms, then restJson1 paths). {@code GET /} answers a small status document so scripts can
 * probe liveness; anything else unroutable gets a JSON {@code UnknownOperationException}.
 *
 * <p>No exception escapes: service failures ({@link AwsError}) and wire rejections ({@link WireFault}) are
 * encoded in the client's protocol, and anything unexpected becomes a logged 500 {@code InternalFailure}
 * without a stack trace on the wire.
 */
public final class WireRouter {

    private static final Logger LOG = LoggerFactory.getLogger(WireRouter.class);

    private final Map<String, AwsService> services;
    private final QueryProtocol query = new QueryProtocol();
    private final Ec2QueryProtocol ec2 = new Ec2QueryProtocol();
    private final RpcV2CborProtocol cbor = new RpcV2CborProtocol();
    private final AwsJsonProtocol json = new AwsJsonProtocol();
    private final RestJsonProtocol restJson;

    public WireRouter(Collection<? extends AwsService> services) {
        this(services, RestJsonRoutes.standard());
    }

    public WireRouter(Collection<? extends AwsService> services, RestJsonRoutes restRoutes) {
        Map<String, AwsService> bySigningName = new LinkedHashMap<>();
        for (AwsService service : services) {
            AwsService previous = bySigningName.put(service.signingName(), service);
            if (previous != null) {
                throw new IllegalArgumentException("Two services registered under signing name '"
                        + service.signingName() + "'");
            }
        }
        this.services = Map.copyOf(bySigningName);
        this.restJson = new RestJsonProtocol(restRoutes);
    }

    /** The signing names served, sorted, e.g. {@code [cloudformation, monitoring, xray]}. */
    public Set<String> signingNames() {
        return new TreeSet<>(services.keySet());
    }

    /** Answers one request; never throws. */
    public WireResponse handle(WireRequest request) {
        String requestId = AwsIds.uuid();
        WireProtocol protocol = select(request);
        WireResponse response;
        if (protocol == null) {
            response = isHealthProbe(request) ? HealthAnswer.of(signingNames())
                    : UnroutableAnswer.of(request, requestId);
        } else {
            response = dispatch(protocol, request, requestId);
        }
        return response.withHeader("x-amzn-RequestId", requestId);
    }

    private WireProtocol select(WireRequest request) {
        if (RpcV2CborProtocol.accepts(request)) {
            return cbor;
        }
        if (AwsJsonProtocol.accepts(request)) {
            return json;
        }
        if (Ec2QueryProtocol.accepts(request)) {
            return ec2; // before awsQuery: the same form requests, told apart by EC2's Version
        }
        if (QueryProtocol.accepts(request)) {
            return query;
        }
        if (restJson.accepts(request)) {
            return restJson;
        }
        return null;
    }

    private static boolean isHealthProbe(WireRequest request) {
        return request.path().equals("/") && (request.method().equals("GET") || request.method().equals("HEAD"));
    }

    private WireResponse dispatch(WireProtocol protocol, WireRequest request, String requestId) {
        String signingName = null;
        String operation = null;
        try {
            WireCall call = protocol.decode(request);
            signingName = call.signingName();
            operation = call.operation();
            AwsService service = services.get(signingName);
            if (service == null) {
                throw new WireFault(WireFault.Kind.UNKNOWN_SERVICE, "Service '" + signingName
                        + "' is not served by this local cloud; it serves "
                        + (services.isEmpty() ? "no services in this build" : String.join(", ", signingNames())));
            }
            Set<String> known = service.operations();
            if (!known.isEmpty() && !known.contains(operation)) {
                throw new WireFault(WireFault.Kind.UNKNOWN_OPERATION, unknownOperationMessage(signingName, operation));
            }
            SigV4Scope scope = SigV4Scope.parse(request.header("Authorization").orElse(null));
            RequestContext context = new RequestContext(scope.regionOr(RequestContext.DEFAULT_REGION),
                    RequestContext.DEFAULT_ACCOUNT, requestId);
            Object output = service.call(operation, call.input(), context);
            WireResponse response = protocol.success(call, output, requestId);
            LOG.debug("{} {} {}.{} -> {}", requestId, protocol.name(), signingName, operation, response.status());
            return response;
        } catch (WireFault fault) {
            LOG.info("{} {} rejected {} {}: {}", requestId, protocol.name(), request.method(), request.path(),
                    fault.getMessage());
            return protocol.failure(signingName, operation, protocol.toAwsError(fault, signingName), requestId);
        } catch (AwsError error) {
            LOG.debug("{} {} {}.{} -> {} {}", requestId, protocol.name(), signingName, operation,
                    error.code(), error.getMessage());
            return protocol.failure(signingName, operation, error, requestId);
        } catch (RuntimeException | StackOverflowError unexpected) {
            LOG.error("{} {} {}.{} failed unexpectedly", requestId, protocol.name(), signingName, operation, unexpected);
            AwsError internal = new AwsError("InternalFailure", "InternalFailure", 500,
                    "The local cloud failed while handling this request (request id " + requestId
                            + "); its log has the details");
            return protocol.failure(signingName, operation, internal, requestId);
        }
    }

    /** awsQuery's wording, which also names the API version so the user sees which model was assumed. */
    static String unknownOperationMessage(String signingName, String operation) {
        String version = ServiceWireInfo.bySigningName(signingName).map(ServiceWireInfo::queryVersion).orElse(null);
        return "Could not find operation " + operation + " for "
                + (version != null ? "version " + version : "service " + signingName);
    }
}
