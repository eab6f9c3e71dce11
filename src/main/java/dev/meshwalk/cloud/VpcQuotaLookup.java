package dev.meshwalk.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Reads the account's applied "VPCs per Region" quota (Service Quotas, service {@code vpc}, quota
 * {@value #QUOTA_CODE}), so a raised quota gives no false warning in the preflight.
 *
 * <p>Why by hand: the limit lives only in Service Quotas (EC2's {@code DescribeAccountAttributes} has no VPC limit),
 * and the SDK's {@code servicequotas} module is not served by the Maven registry this project builds from. The one
 * call is small: Service Quotas speaks AWS JSON 1.1 ({@code POST /} with an {@code X-Amz-Target} header), so this
 * class builds it, signs it with the SDK's own SigV4 signer with the session's credentials and region, and sends it
 * with the SDK HTTP client every other client here uses (apache5, loaded as the SDK loads it). Any failure (refused, no such
 * quota, unreachable, unparsable) yields empty, and the preflight then says it assumed AWS's default.
 */
final class VpcQuotaLookup {

    /** "VPCs per Region" in Service Quotas. */
    static final String QUOTA_CODE = "L-F678F1CE";
    /** The JSON 1.1 target of GetServiceQuota (the API version is part of the name). */
    static final String TARGET = "ServiceQuotasV20190624.GetServiceQuota";
    /** The SigV4 signing name and endpoint prefix of Service Quotas. */
    private static final String SIGNING_NAME = "servicequotas";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;

    /**
     * @param endpointOverride the target's endpoint when it has one; otherwise the regional Service Quotas endpoint
     */
    VpcQuotaLookup(AwsCredentialsProvider credentials, String region, Optional<URI> endpointOverride) {
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpointOverride.orElseGet(() -> URI.create("https://" + SIGNING_NAME + "." + region + ".amazonaws.com"));
    }

    /** The applied quota, or empty when it could not be read (the caller falls back to the default). */
    OptionalInt read() {
        String body = "{\"ServiceCode\":\"vpc\",\"QuotaCode\":\"" + QUOTA_CODE + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET)
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
        try (SdkHttpClient http = httpClient()) {
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(credentials.resolveCredentials())
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            if (!response.httpResponse().isSuccessful() || response.responseBody().isEmpty()) {
                // e.g. AccessDeniedException, NoSuchResourceException: the default applies
                response.responseBody().ifPresent(VpcQuotaLookup::closeQuietly);
                return OptionalInt.empty();
            }
            try (InputStream in = response.responseBody().get()) {
                JsonNode value = JSON.readTree(in).path("Quota").path("Value");
                return value.isNumber() ? OptionalInt.of((int) value.asDouble()) : OptionalInt.empty();
            }
        } catch (IOException | SdkException | IllegalStateException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The sync HTTP client the SDK itself would load (apache5, a runtime dependency of the service modules), found
     * the way the SDK finds it, so this call travels like every other.
     */
    private static SdkHttpClient httpClient() {
        SdkHttpService service = ServiceLoader.load(SdkHttpService.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SDK HTTP client on the class path"));
        return service.createHttpClientBuilder().buildWithDefaults(AttributeMap.builder()
                .put(SdkHttpConfigurationOption.CONNECTION_TIMEOUT, TIMEOUT)
                .put(SdkHttpConfigurationOption.READ_TIMEOUT, TIMEOUT).build());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }
}
