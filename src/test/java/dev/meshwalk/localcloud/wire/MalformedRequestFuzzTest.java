package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.LocalCloudServices;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Malformed and mistyped requests to every operation of every service the default local cloud serves, in each
 * protocol it speaks to that service: empty, truncated, garbage, wrong-shaped and oversized bodies, and members of the
 * wrong type (seeded, so a failure replays). Every answer must be a client error (4xx, never a 500 or a dropped
 * connection) in the shape that protocol's clients parse (awsQuery/ec2 XML with a {@code Code}, JSON or CBOR
 * {@code __type}, REST {@code X-Amzn-ErrorType}), or a success when a wrong member is one the operation ignores;
 * and the server answers normally afterwards.
 */
class MalformedRequestFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final long SEED = 13;
    /** Member names the served operations read, so mistyped values reach the services' own parsing. */
    private static final List<String> MEMBERS = List.of("cluster", "clusters", "services", "service", "tasks", "task",
            "taskDefinition", "maxResults", "nextToken", "desiredCount", "familyPrefix", "status", "sort",
            "StackName", "TemplateBody", "Parameters", "ChangeSetName", "NextToken", "Namespace", "MetricName",
            "Dimensions", "StartTime", "EndTime", "Period", "Statistics", "ExtendedStatistics", "MetricData",
            "MetricDataQueries", "AlarmName", "AlarmNames", "Threshold", "TargetGroupArn", "TargetGroupArns",
            "LoadBalancerArn", "LoadBalancerArns", "ListenerArn", "Names", "PageSize", "Marker", "Targets", "RoleName",
            "PolicyName", "PolicyArn", "MaxItems", "PathPrefix", "meshName", "limit", "TraceIds", "TraceSegmentDocuments");
    private static final List<Object> WRONG_VALUES = List.of(123, -1, true, 1e308, "", List.of(1, List.of()),
            Map.of("x", Map.of("y", 1)), "x".repeat(70_000), "\u0000\uFFFF", "arn:aws:nope");

    private static LocalCloud cloud;
    private static WireClient client;
    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    /** Answers that were client errors and passed the shape check: proof the loops really sent something. */
    private int errorsChecked;

    @BeforeAll
    static void start() {
        cloud = LocalCloudServices.addDefaults(LocalCloud.builder()).build().start();
        client = new WireClient(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String auth(String signingName) {
        return "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/" + signingName + "/aws4_request,"
                + " SignedHeaders=host, Signature=0";
    }

    @Test
    void queryServicesAnswerEveryMalformedFormWithAnXmlError() throws Exception {
        for (ServiceWireInfo info : ServiceWireInfo.known()) {
            if (info.queryVersion() == null || !cloud.serviceNames().contains(info.signingName())) {
                continue;
            }
            for (String op : operations(info.signingName())) {
                String head = "Action=" + op + "&Version=" + info.queryVersion();
                List<String> bodies = new ArrayList<>(List.of(head, head + "&%zz=1", head + "&A=%2", head + "&="
                        + "&&&", head + "&A.member.x.B=1", "Action=" + op, "garbage\u0001\u0002"));
                for (int i = 0; i < 6; i++) {
                    bodies.add(head + "&" + MEMBERS.get(random.nextInt(MEMBERS.size())) + "="
                            + URLEncoder.encode(String.valueOf(WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()))),
                            StandardCharsets.UTF_8));
                }
                for (String body : bodies) {
                    HttpResponse<byte[]> r = client.form(body, "Authorization", auth(info.signingName()));
                    check(info.signingName() + " " + op + " <" + abbreviate(body) + ">", r, this::queryError);
                }
            }
        }
        HttpResponse<byte[]> ec2 = client.form("Action=DescribeTags&Version=2016-11-15&Filter.x.Name=%",
                "Authorization", auth("ec2"));
        check("ec2 DescribeTags", ec2, r -> xml(r).getElementsByTagName("Code").getLength() == 1
                && xml(r).getDocumentElement().getTagName().equals("Response"));
        assertThat(failures).isEmpty();
        assertThat(errorsChecked).isGreaterThan(100);
    }

    @Test
    void jsonAndCborServicesAnswerEveryMalformedBodyWithTheirErrorShape() throws Exception {
        for (ServiceWireInfo info : ServiceWireInfo.known()) {
            if (info.targetPrefix() == null || !cloud.serviceNames().contains(info.signingName())) {
                continue;
            }
            String contentType = "application/x-amz-json-" + info.jsonVersion();
            for (String op : operations(info.signingName())) {
                for (byte[] body : jsonBodies()) {
                    HttpResponse<byte[]> r = client.send("POST", "/", body, "Content-Type", contentType,
                            "X-Amz-Target", info.targetPrefix() + "." + op, "Authorization", auth(info.signingName()));
                    check(info.signingName() + " JSON " + op + " <" + abbreviate(new String(body, StandardCharsets.UTF_8))
                            + ">", r, MalformedRequestFuzzTest::jsonError);
                }
                if (info.rpcV2Cbor()) {
                    for (byte[] body : cborBodies()) {
                        HttpResponse<byte[]> r = client.send("POST", "/service/" + info.targetPrefix() + "/operation/"
                                + op, body, "Content-Type", "application/cbor", "Smithy-Protocol", "rpc-v2-cbor",
                                "Authorization", auth(info.signingName()));
                        check(info.signingName() + " CBOR " + op, r, MalformedRequestFuzzTest::cborError);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(errorsChecked).isGreaterThan(100);
    }

    @Test
    void restServicesAnswerEveryMalformedBodyWithAnErrorTypeHeader() throws Exception {
        for (RestJsonRoutes.Route route : RestJsonRoutes.standard().routes()) {
            if (!cloud.serviceNames().contains(route.signingName())) {
                continue;
            }
            String path = route.path().replaceAll("\\{[^}]+}", "nope");
            for (byte[] body : jsonBodies()) {
                HttpResponse<byte[]> r = client.send(route.method(), path, route.method().equals("GET") ? null : body,
                        "Content-Type", "application/json", "Authorization", auth(route.signingName()));
                check(route.signingName() + " " + route.operation() + " <" + abbreviate(new String(body,
                        StandardCharsets.UTF_8)) + ">", r, resp -> resp.headers().firstValue("X-Amzn-ErrorType")
                        .isPresent() && jsonError(resp));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(errorsChecked).isGreaterThan(100);
    }

    @Test
    void oversizedBodiesAreRefusedInEachProtocolAndTheServerStaysUp() throws Exception {
        byte[] huge = new byte[LocalCloud.DEFAULT_MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        HttpResponse<byte[]> query = client.send("POST", "/", huge, "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", auth("iam"));
        HttpResponse<byte[]> json = client.send("POST", "/", huge, "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters", "Authorization", auth("ecs"));

        assertThat(query.statusCode()).isEqualTo(413);
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(json.body()).get("__type").asText()).isEqualTo("RequestEntityTooLarge");
        HttpResponse<byte[]> after = client.send("POST", "/", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-amz-json-1.1", "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters",
                "Authorization", auth("ecs"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/", null).statusCode()).isEqualTo(200);
    }

    private Set<String> operations(String signingName) {
        Set<String> ops = cloud.operations().getOrDefault(signingName, Set.of());
        assertThat(ops).as("operations declared by " + signingName).isNotEmpty();
        return ops;
    }

    private List<byte[]> jsonBodies() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of("", "{", "{\"cluster\":", "[]", "null", "\"text\"", "42", "{\"a\":1}}", "\u00ff\u00fe")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        byte[] garbage = new byte[64];
        random.nextBytes(garbage);
        bodies.add(garbage);
        for (int i = 0; i < 6; i++) {
            bodies.add(JSON.writeValueAsBytes(wrongMembers()));
        }
        return bodies;
    }

    private List<byte[]> cborBodies() throws Exception {
        byte[] valid = CBOR.writeValueAsBytes(wrongMembers());
        byte[] garbage = new byte[64];
        random.nextBytes(garbage);
        return List.of(new byte[0], java.util.Arrays.copyOf(valid, valid.length / 2), garbage,
                CBOR.writeValueAsBytes(List.of(1, 2)), CBOR.writeValueAsBytes("text"), valid,
                CBOR.writeValueAsBytes(wrongMembers()));
    }

    private Map<String, Object> wrongMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            members.put(MEMBERS.get(random.nextInt(MEMBERS.size())), WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
        }
        return members;
    }

    private interface Shape {
        boolean matches(HttpResponse<byte[]> response) throws Exception;
    }

    private void check(String what, HttpResponse<byte[]> response, Shape errorShape) {
        int status = response.statusCode();
        try {
            if (status >= 500 || (status >= 300 && status < 400)) {
                failures.add(what + ": status " + status + " " + abbreviate(WireClient.text(response)));
            } else if (status >= 400 && !errorShape.matches(response)) {
                failures.add(what + ": " + status + " not in the protocol's error shape: "
                        + abbreviate(WireClient.text(response)));
            } else if (status >= 400) {
                errorsChecked++;
            }
        } catch (Exception e) {
            failures.add(what + ": " + status + " unparseable (" + e.getMessage() + "): "
                    + abbreviate(WireClient.text(response)));
        }
    }

    private boolean queryError(HttpResponse<byte[]> response) throws Exception {
        Document doc = xml(response);
        return doc.getDocumentElement().getTagName().equals("ErrorResponse")
                && doc.getElementsByTagName("Code").getLength() == 1
                && !doc.getElementsByTagName("Code").item(0).getTextContent().isBlank()
                && doc.getElementsByTagName("RequestId").getLength() == 1;
    }

    private static Document xml(HttpResponse<byte[]> response) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    }

    private static boolean jsonError(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.hasNonNull("__type") && !body.get("__type").asText().isBlank() && body.has("message");
    }

    private static boolean cborError(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = CBOR.readTree(response.body());
        return body.hasNonNull("__type") && body.has("message");
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
