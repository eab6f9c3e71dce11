package dev.meshwalk.cloud;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the tutorial's stacks go: the local cloud, any AWS-compatible endpoint, or real AWS.
 *
 * <p>Every target is reached the same way, through the AWS SDK clients; the kind only decides how credentials
 * and the region are found and how often progress is polled (a local cloud answers in milliseconds, AWS
 * throttles callers that poll too fast).
 *
 * @param kind     which family of target this is
 * @param endpoint the endpoint every client is pointed at; empty for real AWS (the SDK picks regional endpoints)
 * @param region   the region (for a local cloud only the SigV4 scope, used in ARNs)
 * @param profile  the named profile to read credentials from; empty means the default chain
 */
public record CloudTarget(Kind kind, Optional<URI> endpoint, String region, Optional<String> profile) {

    /** The region the local cloud and bare endpoints use when nothing else says which. */
    public static final String LOCAL_REGION = "us-east-1";

    /** The three families of target. */
    public enum Kind {
        /** The tutorial's own local cloud on loopback. */
        LOCAL,
        /** Any AWS-compatible endpoint named by {@code --endpoint-url} or {@code AWS_ENDPOINT_URL}. */
        ENDPOINT,
        /** Real AWS through the default credential chain. */
        AWS
    }

    public CloudTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        if (kind != Kind.AWS && endpoint.isEmpty()) {
            throw new IllegalArgumentException(kind + " target needs an endpoint");
        }
    }

    public static CloudTarget local(URI endpoint) {
        return new CloudTarget(Kind.LOCAL, Optional.of(endpoint), LOCAL_REGION, Optional.empty());
    }

    public static CloudTarget endpoint(URI endpoint, String region, Optional<String> profile) {
        return new CloudTarget(Kind.ENDPOINT, Optional.of(endpoint), region, profile);
    }

    public static CloudTarget aws(String region, Optional<String> profile) {
        return new CloudTarget(Kind.AWS, Optional.empty(), region, profile);
    }

    /** How long to wait between two progress polls: fast enough to feel live, slow enough not to be throttled. */
    public Duration pollInterval() {
        return switch (kind) {
            case LOCAL -> Duration.ofMillis(250);
            case ENDPOINT -> Duration.ofMillis(500);
            case AWS -> Duration.ofSeconds(3);
        };
    }

    /**
     * The share of AWS's time in which the target runs a template's durations (an ECS bake time): 1 on AWS, the
     * local cloud's compressed clock on the tutorial's own local cloud (it always runs its default timings; a test
     * ties this to them), unknown for another endpoint (a standalone local cloud, LocalStack).
     */
    public OptionalDouble timeScale() {
        return switch (kind) {
            case LOCAL -> OptionalDouble.of(LOCAL_TIME_SCALE);
            case ENDPOINT -> OptionalDouble.empty();
            case AWS -> OptionalDouble.of(1);
        };
    }

    /** The local cloud's default compression of template durations (its {@code LocalTimings.defaults()}). */
    public static final double LOCAL_TIME_SCALE = 1.0 / 120;

    /** A short line for status bars and logs, e.g. {@code local cloud at http://127.0.0.1:4566}. */
    public String describe() {
        return switch (kind) {
            case LOCAL -> "local cloud at " + endpoint.orElseThrow();
            case ENDPOINT -> "endpoint " + endpoint.orElseThrow() + " (" + region + ")";
            case AWS -> "AWS " + region + profile.map(p -> " (profile " + p + ")").orElse("");
        };
    }
}
