package dev.meshwalk.cloud;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the command line's target flags into a {@link CloudTarget}, or into a {@link CloudSetupException} that
 * says exactly what is missing. Pure decisions over an {@link AwsEnvironment}; no network.
 */
public final class AwsTargets {

    private AwsTargets() {
    }

    /**
     * Real AWS. Needs a region (flag, environment or profile) and, when a profile is named, that the profile
     * exists; credentials themselves are checked when the session opens.
     */
    public static CloudTarget aws(Optional<String> regionFlag, Optional<String> profileFlag, AwsEnvironment env) {
        Optional<String> profile = env.profileName(profileFlag);
        profile.ifPresent(p -> requireProfile(p, env));
        String region = env.region(regionFlag, profile).orElseThrow(() -> missingRegion(profile));
        return CloudTarget.aws(region, profile);
    }

    /** Any AWS-compatible endpoint; the region defaults to {@value CloudTarget#LOCAL_REGION} there. */
    public static CloudTarget endpoint(String url, Optional<String> regionFlag, Optional<String> profileFlag,
            AwsEnvironment env) {
        URI uri = parseEndpoint(url);
        Optional<String> profile = env.profileName(profileFlag).filter(env::hasProfile);
        String region = env.region(regionFlag, profile).orElse(CloudTarget.LOCAL_REGION);
        return CloudTarget.endpoint(uri, region, profile);
    }

    /** Checks an endpoint URL the user typed: absolute http(s) with a host. */
    public static URI parseEndpoint(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CloudSetupException("The endpoint URL '" + url + "' is not usable: " + e.getMessage() + ".",
                    List.of("pass a full URL such as --endpoint-url http://127.0.0.1:4566"));
        }
    }

    private static void requireProfile(String profile, AwsEnvironment env) {
        if (!env.hasProfile(profile)) {
            throw new CloudSetupException(
                    "The AWS profile '" + profile + "' is not defined in ~/.aws/config or ~/.aws/credentials, so there"
                            + " are no credentials to use.",
                    List.of("aws configure --profile " + profile + "   (access keys)",
                            "aws configure sso --profile " + profile + "   (IAM Identity Center / SSO)",
                            "or pick an existing profile with --profile NAME or AWS_PROFILE=NAME"
                                    + " (see `aws configure list-profiles`)"));
        }
    }

    private static CloudSetupException missingRegion(Optional<String> profile) {
        List<String> steps = new ArrayList<>();
        steps.add("pass --region, e.g. --region eu-west-1");
        steps.add("or export AWS_REGION=eu-west-1");
        steps.add("or store it in the profile: aws configure set region eu-west-1"
                + profile.map(p -> " --profile " + p).orElse(""));
        return new CloudSetupException("No AWS region is set" + profile.map(p -> " (profile '" + p + "' has none)").orElse("")
                + ", and the tutorial will not guess where to create resources.", steps);
    }
}
