package dev.meshwalk.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import java.util.Optional;

import dev.meshwalk.core.Target;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The flags that choose where stacks go. A picocli mixin on the top-level command whose options are inherited
 * ({@code scope = INHERIT}) by every subcommand, so {@code tutorial --aws deploy 0} and
 * {@code tutorial deploy 0 --aws} both work; subcommands read the values with {@link #of(CommandSpec)}.
 */
public final class TargetOptions {

    /** The mixin's name on the top-level command. */
    public static final String MIXIN = "target";

    @Option(names = "--aws", scope = ScopeType.INHERIT, description = "Use real AWS (default credential chain) instead of the embedded local cloud.")
    boolean aws;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "P", description = "AWS profile to use with --aws.")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "R", description = "AWS region (with --aws or --endpoint-url).")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Any AWS-compatible endpoint, e.g. a standalone local cloud. Also read from AWS_ENDPOINT_URL.")
    String endpointUrl;

    public boolean aws() {
        return aws;
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profile).filter(p -> !p.isBlank());
    }

    public Optional<String> region() {
        return Optional.ofNullable(region).filter(r -> !r.isBlank());
    }

    public Optional<String> endpointUrl() {
        return Optional.ofNullable(endpointUrl).filter(u -> !u.isBlank());
    }

    /** The options as given on the root command's line ({@code spec} may be any subcommand's). */
    public static TargetOptions of(CommandSpec spec) {
        CommandSpec mixin = spec.root().mixins().get(MIXIN);
        if (mixin != null && mixin.userObject() instanceof TargetOptions options) {
            return options;
        }
        return new TargetOptions();
    }

    /** Thrown for flag combinations that cannot work; the message says what to do instead. */
    public static final class InvalidTargetException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTargetException(String message) {
            super(message);
        }
    }

    /** Decides the target; {@code env} supplies AWS_ENDPOINT_URL and the AWS region variables. */
    public Target resolve(Map<String, String> env) throws InvalidTargetException {
        String endpoint = endpointUrl;
        String source = "--endpoint-url";
        if (endpoint == null && !aws) {
            String fromEnv = env.get("AWS_ENDPOINT_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                endpoint = fromEnv.strip();
                source = "AWS_ENDPOINT_URL";
            }
        }
        if (aws && endpointUrl != null) {
            throw new InvalidTargetException("--aws and --endpoint-url choose different targets; use one of them.");
        }
        if (profile != null && !aws) {
            throw new InvalidTargetException("--profile only applies to real AWS; add --aws (or drop --profile).");
        }
        if (endpoint != null) {
            validateUrl(endpoint, source);
            return Target.endpoint(endpoint);
        }
        if (aws) {
            String r = region != null ? region : firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
            if (r != null && !r.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new InvalidTargetException("'" + r + "' does not look like an AWS region (e.g. us-west-2).");
            }
            return Target.aws(r, profile);
        }
        if (region != null) {
            throw new InvalidTargetException("--region needs --aws or --endpoint-url; the local cloud has no regions to pick.");
        }
        return Target.local();
    }

    private static void validateUrl(String url, String source) throws InvalidTargetException {
        String hint = " (from " + source + "); expected something like http://127.0.0.1:4566";
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new InvalidTargetException("The endpoint URL '" + url + "' must start with http:// or https://" + hint);
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidTargetException("The endpoint URL '" + url + "' has no host" + hint);
            }
        } catch (URISyntaxException e) {
            throw new InvalidTargetException("The endpoint URL '" + url + "' is not a valid URL: " + e.getReason() + hint);
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
