package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.service.Params;

/** Smithy RPC v2 CBOR on the wire, with hand-made bytes for the encodings the SDK actually sends. */
class RpcV2CborWireTest {

    private static final String OP_PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final String[] CBOR_HEADERS = {"Content-Type", "application/cbor", "Accept", "application/cbor",
            "smithy-protocol", "rpc-v2-cbor", "x-amzn-query-mode", "true"};

    private RecordingService monitoring;
    private LocalCloud cloud;
    private WireClient client;

    @BeforeEach
    void start() {
        monitoring = new RecordingService("monitoring");
        cloud = LocalCloud.builder().service(monitoring).build().start();
        client = new WireClient(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private HttpResponse<byte[]> post(String op, byte[] body, String... extra) {
        String[] headers = new String[CBOR_HEADERS.length + extra.length];
        System.arraycopy(CBOR_HEADERS, 0, headers, 0, CBOR_HEADERS.length);
        System.arraycopy(extra, 0, headers, CBOR_HEADERS.length, extra.length);
        return client.send("POST", OP_PATH + op, body, headers);
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void decodesIndefiniteMapsFloat16And32Tag1TimestampsIntegersNullAndUndefined() {
        String body = "bf"
                + "69 4e616d657370616365 63 417070"         // Namespace: "App"
                + "63 563136 f9 3e00"                       // V16: float16 1.5
                + "63 563332 fa 3fc00000"                   // V32: float32 1.5
                + "61 54 c1 fb 41d964df496b645a"            // T: tag 1, float64 1704164645.678
                + "62 5469 c1 1a 65937d25"                  // Ti: tag 1, integer 1704164645
                + "61 4e f6"                                // N: null
                + "61 55 f7"                                // U: undefined
                + "61 42 f5"                                // B: true
                + "61 4c 82 01 02"                          // L: [1, 2] (doubles sent as integers)
                + "ff";

        HttpResponse<byte[]> r = post("PutMetricData", hex(body));

        assertThat(r.statusCode()).isEqualTo(200);
        Params in = monitoring.lastInput.get();
        assertThat(in.string("Namespace")).hasValue("App");
        assertThat(in.dbl("V16")).hasValue(1.5);
        assertThat(in.dbl("V32")).hasValue(1.5);
        assertThat(in.instant("T")).hasValue(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(in.instant("Ti")).hasValue(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(in.tree()).doesNotContainKeys("N", "U");
        assertThat(in.bool("B")).hasValue(true);
        assertThat(in.doubles("L")).containsExactly(1.0, 2.0);
    }

    @Test
    void anEmptyInputMapAndAnEmptyBodyBothMeanNoMembers() {
        assertThat(post("ListDashboards", hex("bfff")).statusCode()).isEqualTo(200);
        assertThat(monitoring.lastInput.get().tree()).isEmpty();
        assertThat(post("ListDashboards", new byte[0]).statusCode()).isEqualTo(200);
    }

    @Test
    void outputIsCborWithProtocolHeaderAndTag1Timestamps() throws IOException {
        HttpResponse<byte[]> r = post("ListDashboards", hex("bfff"));

        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/cbor");
        assertThat(r.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        try (CBORParser p = new CBORFactory().createParser(r.body())) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(p.nextFieldName()).isEqualTo("DashboardEntries");
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(p.nextFieldName()).isEqualTo("DashboardName");
            assertThat(p.nextTextValue()).isEqualTo("d1");
            assertThat(p.nextFieldName()).isEqualTo("DashboardArn");
            p.nextToken();
            assertThat(p.nextFieldName()).isEqualTo("LastModified");
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(p.getCurrentTag()).isEqualTo(1);
            assertThat(p.getLongValue()).isEqualTo(1704164645L);
            assertThat(p.nextFieldName()).isEqualTo("Size");
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(p.getCurrentTag()).isEqualTo(-1);
        }
    }

    @Test
    void fractionalTimestampsGoOutAsTaggedFloat64AndWholeDoublesAsIntegers() throws IOException {
        HttpResponse<byte[]> r = post("GetMetricData", hex("bfff"));

        String h = HexFormat.of().formatHex(r.body());
        assertThat(h).contains("c11a65937d20");                          // tag 1 + int 1704164640
        assertThat(h).contains("c1fb" + Long.toHexString(Double.doubleToLongBits(1704164700.5))); // tag 1 + float64
        assertThat(h).contains("6656616c756573" + "82" + "fb3ff8000000000000" + "02"); // Values: [1.5, 2]
    }

    @Test
    void aUnitOutputIsAnEmptyMap() {
        HttpResponse<byte[]> r = post("PutMetricData", hex("bfff"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(r.body())).isEqualTo("a0");
    }

    @Test
    void errorsCarryTheQualifiedShapeAndTheQueryErrorHeader() throws IOException {
        HttpResponse<byte[]> r = post("GetDashboard", hex("a1 6d 44617368626f6172644e616d65 62 6439"));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-query-error")).hasValue("ResourceNotFound;Sender");
        assertThat(r.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(TreeReader.cbor(r.body())).isEqualTo(Map.of(
                "__type", "com.amazonaws.cloudwatch#DashboardNotFoundError",
                "message", "Dashboard d9 does not exist"));
        assertThat(monitoring.lastInput.get().string("DashboardName")).hasValue("d9");
    }

    @Test
    void anUnknownOperationIs404UnknownOperationException() {
        HttpResponse<byte[]> r = post("PutMetricAlarmz", hex("bfff"));

        assertThat(r.statusCode()).isEqualTo(404);
        Map<String, Object> body = TreeReader.cbor(r.body());
        assertThat(body.get("__type")).isEqualTo("UnknownOperationException");
        assertThat((String) body.get("message")).contains("PutMetricAlarmz");
    }

    @Test
    void badCborIsASerializationExceptionNotACrash() {
        HttpResponse<byte[]> truncated = post("PutMetricData", hex("bf 69 4e616d65"));
        HttpResponse<byte[]> notAMap = post("PutMetricData", hex("82 01 02"));

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(TreeReader.cbor(truncated.body()).get("__type")).isEqualTo("SerializationException");
        assertThat(notAMap.statusCode()).isEqualTo(400);
        assertThat((String) TreeReader.cbor(notAMap.body()).get("message")).contains("map");
    }

    @Test
    void aGzipBodyWithMixedCaseHeaderIsInflated() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(raw)) {
            g.writeStartObject();
            g.writeStringField("Namespace", "x".repeat(20_000));
            g.writeEndObject();
        }

        HttpResponse<byte[]> r = post("PutMetricData", WireClient.gzip(raw.toByteArray()), "Content-encoding", "gzip");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(monitoring.lastInput.get().string("Namespace").orElseThrow()).hasSize(20_000);
    }

    @Test
    void theFullyQualifiedServiceIdIsAcceptedAndAnUnknownOneIsNot() {
        assertThat(client.send("POST", "/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/ListDashboards",
                hex("bfff"), CBOR_HEADERS).statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/service/Nope/operation/ListDashboards", hex("bfff"), CBOR_HEADERS)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void arbitraryOutputTreesRoundTripThroughTheCodec() {
        Map<String, Object> tree = RecordingService.map("S", "text", "I", 7, "D", 2.25, "B", false,
                "T", Instant.ofEpochMilli(1704164645678L), "L", List.of(RecordingService.map("K", "v")),
                "E", List.of(), "M", Map.of());

        assertThat(TreeReader.cbor(TreeWriter.cbor(tree))).isEqualTo(tree);
    }
}
