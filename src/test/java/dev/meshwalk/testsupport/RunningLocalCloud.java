package dev.meshwalk.testsupport;

import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.LocalCloudServices;
import dev.meshwalk.localcloud.engine.CloudFormationEngine;
import dev.meshwalk.localcloud.engine.EngineSettings;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.cloudformation.CloudFormationService;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * A fresh embedded local cloud for every test, started before the test's own {@code @BeforeEach} and closed after
 * its {@code @AfterEach}, together with the SDK clients the test asked for. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final RunningLocalCloud cloud = RunningLocalCloud.withDefaultServices();
 * }</pre>
 *
 * <p>Why: every integration test needs the same start, endpoint, client and close lines, and a missed close leaks a
 * port, a data plane or an engine's threads into the next test. With this the test class says only what it tests.
 * The cloud is built when the test starts (not when the field is set), so nothing with threads exists for a test
 * that never runs.
 */
public final class RunningLocalCloud implements BeforeEachCallback, AfterEachCallback {

    /** The region the SDK clients made here sign for. */
    public static final Region REGION = Region.US_EAST_1;

    private static final StaticCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final Supplier<LocalCloud.Builder> setUp;
    private final List<SdkClient> clients = new ArrayList<>();
    private LocalCloud cloud;

    private RunningLocalCloud(Supplier<LocalCloud.Builder> setUp) {
        this.setUp = setUp;
    }

    /** The whole local cloud the tutorial runs: CloudFormation with the data plane, CloudWatch, X-Ray, telemetry. */
    public static RunningLocalCloud withDefaultServices() {
        return new RunningLocalCloud(() -> LocalCloudServices.addDefaults(LocalCloud.builder()));
    }

    /** CloudFormation alone, on the standard providers with no data plane: stacks deploy, nothing runs. */
    public static RunningLocalCloud withCloudFormationOnly() {
        return servingFresh(() -> List.of(cloudFormationWithoutDataPlane()));
    }

    /** Exactly these services, which the test keeps a handle on (to feed or inspect them). */
    public static RunningLocalCloud serving(AwsService... services) {
        List<AwsService> fixed = List.of(services);
        return new RunningLocalCloud(() -> LocalCloud.builder().services(fixed));
    }

    /** The services {@code services} makes when the test starts: for services that own threads, like an engine. */
    public static RunningLocalCloud servingFresh(Supplier<List<AwsService>> services) {
        return new RunningLocalCloud(() -> LocalCloud.builder().services(services.get()));
    }

    /** CloudFormation on the standard providers with no data plane behind them (nothing runs, stacks still deploy). */
    public static CloudFormationService cloudFormationWithoutDataPlane() {
        return new CloudFormationService(new CloudFormationEngine(ProviderRegistry.standard(), EngineSettings.defaults()));
    }

    /** The running cloud's endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        if (cloud == null) {
            throw new IllegalStateException("The local cloud runs only during a test; register this with"
                    + " @RegisterExtension on an instance field and use it from @BeforeEach or the test");
        }
        return cloud.endpoint();
    }

    /**
     * An SDK client for this cloud (its endpoint, {@link #REGION}, test credentials), closed after the test.
     * For example {@code cloud.client(CloudFormationClient.builder())}.
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C>> C client(B builder) {
        C client = builder.endpointOverride(endpoint()).region(REGION).credentialsProvider(TEST_CREDENTIALS).build();
        clients.add(client);
        return client;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cloud = setUp.get().build().start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<SdkClient> newestFirst = new ArrayList<>(clients);
        Collections.reverse(newestFirst);
        clients.clear();
        try {
            newestFirst.forEach(SdkClient::close);
        } finally {
            if (cloud != null) {
                cloud.close();
                cloud = null;
            }
        }
    }
}
