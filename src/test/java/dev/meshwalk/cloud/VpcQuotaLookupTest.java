package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.meshwalk.core.Finding;
import dev.meshwalk.facts.PermissionCheck;
import dev.meshwalk.facts.PreflightFacts;
import dev.meshwalk.core.PreflightRules;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The hand-made Service Quotas call on the wire, answered by a loopback server in the shapes Service Quotas sends
 * (AWS JSON 1.1: {@code {"Quota":{...,"Value":n}}}, failures as {@code {"__type":...,"message":...}} with a 400),
 * and what the preflight then says about a chapter that needs one VPC with five in use.
 */
class VpcQuotaLookupTest {

    private HttpServer server;
    private ExecutorService threads;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-quota-answers"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.setExecutor(threads);
        server.createContext("/", x -> {
            try (x) {
                seen.put("method", x.getRequestMethod());
                seen.put("path", x.getRequestURI().getPath());
                seen.put("target", String.valueOf(x.getRequestHeaders().getFirst("X-Amz-Target")));
                seen.put("type", String.valueOf(x.getRequestHeaders().getFirst("Content-Type")));
                seen.put("auth", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
                seen.put("body", new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                x.sendResponseHeaders(status, body.length);
                x.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private OptionalInt lookup(int answerStatus, String answerBody) {
        status = answerStatus;
        answer = answerBody;
        return new VpcQuotaLookup(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                "eu-west-1", Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))).read();
    }

    private static String quota(double value) {
        return "{\"Quota\":{\"ServiceCode\":\"vpc\",\"ServiceName\":\"Amazon Virtual Private Cloud (Amazon VPC)\","
                + "\"QuotaArn\":\"arn:aws:servicequotas:eu-west-1:123456789012:vpc/L-F678F1CE\",\"QuotaCode\":\"L-F678F1CE\","
                + "\"QuotaName\":\"VPCs per Region\",\"Value\":" + value + ",\"Unit\":\"None\",\"Adjustable\":true,"
                + "\"GlobalQuota\":false}}";
    }

    /** The VPC finding for a new stack with five VPCs in use and the looked-up limit. */
    private static Finding vpcFinding(OptionalInt limit) {
        PreflightFacts facts = new PreflightFacts("0-prelude", "eu-west-1", true, Optional.of(true), Optional.of(true),
                false, OptionalInt.of(0), OptionalInt.of(5), OptionalInt.of(5), limit,
                PermissionCheck.checked("arn:aws:iam::123456789012:user/learner", 60, List.of()));
        return PreflightRules.evaluate(facts).stream().filter(f -> f.message().startsWith("VPCs:")).findFirst().orElseThrow();
    }

    @Test
    void sendsASignedJsonGetServiceQuotaForVpcsPerRegion() {
        lookup(200, quota(5.0));
        assertThat(seen).containsEntry("method", "POST").containsEntry("path", "/")
                .containsEntry("target", "ServiceQuotasV20190624.GetServiceQuota")
                .containsEntry("type", "application/x-amz-json-1.1")
                .containsEntry("body", "{\"ServiceCode\":\"vpc\",\"QuotaCode\":\"L-F678F1CE\"}");
        assertThat(seen.get("auth")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/servicequotas/aws4_request");
    }

    @Test
    void aRaisedQuotaGivesNoWarningWithFiveVpcsInUse() {
        OptionalInt limit = lookup(200, quota(20.0));
        assertThat(limit).hasValue(20);
        Finding vpcs = vpcFinding(limit);
        assertThat(vpcs.level()).isEqualTo(Finding.Level.OK);
        assertThat(vpcs.message()).startsWith("VPCs: 5 of 20 in use").doesNotContain("default");
    }

    @Test
    void theDefaultQuotaWarnsWithFiveVpcsInUse() {
        OptionalInt limit = lookup(200, quota(5.0));
        assertThat(limit).hasValue(5);
        Finding vpcs = vpcFinding(limit);
        assertThat(vpcs.level()).isEqualTo(Finding.Level.WARN);
        assertThat(vpcs.message()).startsWith("VPCs: 5 of 5 in use in eu-west-1").doesNotContain("could not be read");
    }

    @Test
    void aRefusedCallFallsBackToTheDefaultAndSaysSo() {
        OptionalInt limit = lookup(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:iam::123456789012:"
                + "user/learner is not authorized to perform: servicequotas:GetServiceQuota\"}");
        assertThat(limit).isEmpty();
        Finding vpcs = vpcFinding(limit);
        assertThat(vpcs.level()).isEqualTo(Finding.Level.WARN);
        assertThat(vpcs.message()).startsWith("VPCs: 5 of 5 in use")
                .contains("could not be read from Service Quotas (servicequotas:GetServiceQuota)")
                .contains("AWS's default limit 5 per region is assumed");
    }

    @Test
    void anUnknownQuotaOrAnAnswerWithoutAValueFallsBack() {
        assertThat(lookup(400, "{\"__type\":\"NoSuchResourceException\",\"message\":\"The request failed because the"
                + " specified service quota does not exist.\"}")).isEmpty();
        assertThat(lookup(200, "{\"Quota\":{\"QuotaCode\":\"L-F678F1CE\"}}")).isEmpty();
    }
}
