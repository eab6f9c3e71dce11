package dev.meshwalk.app;

import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The target flags, defined once on the top-level command and inherited by every subcommand, so both
 * {@code tutorial --aws deploy 0} and {@code tutorial deploy 0 --aws} work. Subcommands read them with
 * {@link #of(CommandSpec)}.
 */
public final class TargetOptions {

    /** The mixin's name on the top-level command. */
    public static final String MIXIN = "target";

    @Option(names = "--aws", scope = ScopeType.INHERIT,
            description = "Use real AWS (default credential chain; see --profile and --region).")
    boolean aws;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "AWS profile to use (default: AWS_PROFILE, else the default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Any AWS-compatible endpoint, e.g. a running `localcloud` (default: AWS_ENDPOINT_URL).")
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

    /** The options as given on the command line of the root command ({@code spec} is any subcommand's). */
    public static TargetOptions of(CommandSpec spec) {
        CommandSpec root = spec.root();
        CommandSpec mixin = root.mixins().get(MIXIN);
        if (mixin != null && mixin.userObject() instanceof TargetOptions options) {
            return options;
        }
        return new TargetOptions();
    }
}
