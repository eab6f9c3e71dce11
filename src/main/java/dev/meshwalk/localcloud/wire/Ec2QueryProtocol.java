package dev.meshwalk.localcloud.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;

/**
 * The ec2 protocol, awsQuery's older sibling that only EC2 speaks: the same form-encoded {@code Action}/
 * {@code Version=2016-11-15} requests, but lists flattened without {@code .member} ({@code Filter.1.Value.1}), and
 * answers without the {@code <OpResult>} wrapper: {@code <requestId>} first, members under their lower-case
 * location names ({@code tagSet}), list items as {@code <item>}, errors as
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 */
final class Ec2QueryProtocol implements WireProtocol {

    static final String VERSION = "2016-11-15";
    private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /**
     * Model member names whose location name is not simply the name with a lower-case first letter (EC2 names
     * most lists {@code xxxSet}); only what the served operations answer.
     */
    private static final Map<String, String> LOCATION_NAMES = Map.of("Tags", "tagSet");

    @Override
    public String name() {
        return "ec2";
    }

    /**
     * A form request signed for EC2 (SigV4 scope {@code .../ec2/aws4_request}, as every SDK and CLI sends), or with
     * EC2's {@code Version} in the URL query. Routing never reads the body: it can be read once only, and awsQuery's
     * decode must be the one to report a body it cannot read.
     */
    static boolean accepts(WireRequest request) {
        if (!QueryProtocol.accepts(request)) {
            return false;
        }
        boolean signedForEc2 = SigV4Scope.parse(request.header("Authorization").orElse(null)).service()
                .filter("ec2"::equals).isPresent();
        String query = request.rawQuery() == null ? "" : "&" + request.rawQuery() + "&";
        return signedForEc2 || query.contains("&Version=" + VERSION + "&");
    }

    private static List<Map.Entry<String, String>> pairs(WireRequest request) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (request.rawQuery() != null) {
            pairs.addAll(QueryFormDecoder.pairs(request.rawQuery()));
        }
        if (request.method().equals("POST")) {
            pairs.addAll(QueryFormDecoder.pairs(new String(request.body(), StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    @Override
    public WireCall decode(WireRequest request) {
        String action = null;
        List<Map.Entry<String, String>> members = new ArrayList<>();
        for (Map.Entry<String, String> pair : pairs(request)) {
            switch (pair.getKey()) {
                case "Action" -> action = pair.getValue();
                case "Version" -> { }
                default -> members.add(pair);
            }
        }
        if (action == null || action.isBlank()) {
            throw new WireFault(WireFault.Kind.MISSING_ACTION,
                    "The request must contain the parameter Action (e.g. Action=DescribeTags&Version=" + VERSION + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) listify(QueryFormDecoder.tree(members));
        return new WireCall("ec2", action, new Params(tree));
    }

    /** EC2 flattens lists as {@code Name.N}: a node whose keys are all 1, 2, ... becomes a list in index order. */
    @SuppressWarnings("unchecked")
    static Object listify(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        boolean indexes = !map.isEmpty() && map.keySet().stream().allMatch(k -> k.toString().matches("[1-9][0-9]{0,8}"));
        if (indexes) {
            java.util.TreeMap<Integer, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(Integer.parseInt(k.toString()), listify(v)));
            return new ArrayList<>(sorted.values());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> out.put(k, listify(v)));
        return out;
    }

    @Override
    public WireResponse success(WireCall call, Object output, String requestId) {
        return WireResponse.of(200, QueryProtocol.CONTENT_TYPE, QueryXmlWriter.ec2Success(call.operation(), NAMESPACE,
                QueryProtocol.asMap(output), requestId, Ec2QueryProtocol::locationName));
    }

    @Override
    public WireResponse failure(String signingName, String operation, AwsError error, String requestId) {
        return WireResponse.of(error.httpStatus(), QueryProtocol.CONTENT_TYPE,
                QueryXmlWriter.ec2Error(error.code(), error.getMessage(), requestId));
    }

    @Override
    public AwsError toAwsError(WireFault fault, String signingName) {
        String code = switch (fault.kind()) {
            case MALFORMED -> "InvalidParameterValue";
            case UNKNOWN_OPERATION, UNKNOWN_SERVICE -> "InvalidAction";
            case MISSING_ACTION -> "MissingAction";
            case METHOD_NOT_ALLOWED -> "MethodNotAllowed";
            case TOO_LARGE -> "RequestEntityTooLarge";
        };
        return new AwsError(code, code, fault.kind().defaultStatus(), fault.getMessage());
    }

    static String locationName(String member) {
        String known = LOCATION_NAMES.get(member);
        if (known != null) {
            return known;
        }
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
