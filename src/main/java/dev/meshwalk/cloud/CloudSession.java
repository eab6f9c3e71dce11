package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The SDK clients for one target (CloudFormation, X-Ray, CloudWatch, ECS, STS), all closed together. Each uses the
 * SDK's default sync HTTP client (apache5, from the pom); calls are bounded by an API-call timeout. The only place where clients are built, so every target is reached the same way: for a
 * local cloud or another endpoint only {@code endpointOverride} differs.
 */
public final class CloudSession implements AutoCloseable {

    private final CloudTarget target;
    private final AwsEnvironment env;
    private final AwsCredentialsProvider credentials;
    private final CloudFormationClient cloudFormation;
    private final XRayClient xray;
    private final CloudWatchClient cloudWatch;
    private final StsClient sts;
    private final EcsClient ecs;

    private CloudSession(CloudTarget target, AwsEnvironment env, AwsCredentialsProvider credentials) {
        this.target = target;
        this.env = env;
        this.credentials = credentials;
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(90))
                .addExecutionInterceptor(new UnreachableTargetWording(target))
                .build();
        Region region = Region.of(target.region());
        this.cloudFormation = configure(CloudFormationClient.builder(), region, overrides).build();
        this.xray = configure(XRayClient.builder(), region, overrides).build();
        this.cloudWatch = configure(CloudWatchClient.builder(), region, overrides).build();
        this.ecs = configure(EcsClient.builder(), region, overrides).build();
        this.sts = configure(StsClient.builder(), region,
                overrides.toBuilder().apiCallTimeout(Duration.ofSeconds(15)).build()).build();
    }

    /** Package-private so the AWS-only helpers (preflight, ECR) build their clients exactly like these. */
    <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region, ClientOverrideConfiguration overrides) {
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides);
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Opens a session. For AWS the credentials are resolved right away, so a missing or broken setup is
     * reported here as a {@link CloudSetupException} with next steps, before anything else is attempted.
     *
     * @param profileFromFlag whether the profile came from {@code --profile} (then only that profile is used)
     */
    public static CloudSession open(CloudTarget target, AwsEnvironment env, boolean profileFromFlag) {
        AwsCredentialsProvider credentials = CredentialChains.forTarget(target, env, profileFromFlag);
        if (target.kind() == CloudTarget.Kind.AWS) {
            try {
                credentials.resolveCredentials();
            } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
                throw CredentialAdvice.explain(e, target.profile(), env);
            }
        }
        return new CloudSession(target, env, credentials);
    }

    /** A session on a local cloud endpoint with dummy credentials. */
    public static CloudSession local(CloudTarget target) {
        return open(target, new AwsEnvironment(java.util.Map.of(), software.amazon.awssdk.profiles.ProfileFile.aggregator().build(), false), false);
    }

    public CloudTarget target() {
        return target;
    }

    /** The session's resolved credentials, for the one call signed by hand ({@link VpcQuotaLookup}). */
    AwsCredentialsProvider credentials() {
        return credentials;
    }

    /**
     * Asks STS who we are. On AWS this is the proof that the credentials work; failures become a
     * {@link CloudSetupException} naming the command that fixes them.
     */
    public Identity identity() {
        try {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            return new Identity(Optional.ofNullable(me.account()).orElse("unknown"),
                    Optional.ofNullable(me.arn()).orElse(""), target.region());
        } catch (SdkException e) {
            if (target.kind() == CloudTarget.Kind.AWS) {
                throw CredentialAdvice.unknownRegion(target.region(), e)
                        .orElseGet(() -> CredentialAdvice.explain(e, target.profile(), env));
            }
            throw new CloudSetupException("The endpoint " + target.endpoint().map(Object::toString).orElse("")
                    + " did not answer STS GetCallerIdentity: " + SdkErrors.summary(e),
                    java.util.List.of("check that the endpoint is running and speaks the AWS APIs"), e);
        }
    }

    CloudFormationClient cloudFormation() {
        return cloudFormation;
    }

    EcsClient ecs() {
        return ecs;
    }

    XRayClient xray() {
        return xray;
    }

    CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    @Override
    public void close() {
        cloudFormation.close();
        xray.close();
        cloudWatch.close();
        ecs.close();
        sts.close();
    }
}
