package dev.meshwalk.cloud;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Explains why AWS could not be used with the credentials at hand, in the user's terms: which command fixes it
 * ({@code aws configure}, {@code aws sso login --profile X}, {@code aws login --profile X}, {@code --profile}, {@code AWS_PROFILE}). The SDK's own
 * messages list every provider it tried; useful for a log, bewildering on a screen.
 */
public final class CredentialAdvice {

    private CredentialAdvice() {
    }

    /** Turns a failure while resolving credentials or calling STS into a message with next steps. */
    public static CloudSetupException explain(Throwable failure, Optional<String> profile, AwsEnvironment env) {
        String text = allMessages(failure).toLowerCase(Locale.ROOT);
        String forProfile = profile.map(p -> " --profile " + p).orElse("");
        boolean sso = profile.map(env::isSsoProfile).orElse(false)
                || text.contains("sso session") || text.contains("sso token") || text.contains("aws sso login");

        if (sso && (text.contains("expired") || text.contains("sso token") || text.contains("invalid"))) {
            return new CloudSetupException("The AWS SSO session" + profile.map(p -> " for profile '" + p + "'").orElse("")
                    + " has expired or was never started, so there are no valid credentials.",
                    List.of("aws sso login" + forProfile, "then run this command again"), failure);
        }
        if (profile.map(env::isLoginProfile).orElse(false) && !reachability(failure, text)) {
            return new CloudSetupException("The AWS sign-in session (aws login) for profile '" + profile.get()
                    + "' has expired or was never started, so there are no valid credentials.",
                    List.of("aws login" + forProfile, "then run this command again"), failure);
        }
        String code = serviceCode(failure).orElse("");
        if (code.startsWith("ExpiredToken") || code.equals("RequestExpired") || text.contains("security token included in the request is expired")) {
            return new CloudSetupException("AWS rejected the credentials: they have expired.",
                    List.of("aws sso login" + forProfile + "   (SSO profiles)",
                            "or refresh the temporary keys in AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN",
                            "or use another profile: --profile NAME or AWS_PROFILE=NAME"), failure);
        }
        if (code.equals("InvalidClientTokenId") || code.equals("SignatureDoesNotMatch")
                || code.equals("UnrecognizedClientException") || code.equals("AccessDenied")) {
            return new CloudSetupException("AWS rejected the credentials (" + code + "): the access key is unknown, "
                    + "revoked or paired with the wrong secret.",
                    List.of("aws configure" + forProfile + "   (enter a valid access key)",
                            "or use another profile: --profile NAME or AWS_PROFILE=NAME"), failure);
        }
        if (reachability(failure, text)) {
            return new CloudSetupException("AWS could not be reached to check the credentials (no network or a proxy in "
                    + "the way).", List.of("check the network connection, then run this command again",
                            "or use the local cloud: run without --aws"), failure);
        }
        return new CloudSetupException("No AWS credentials were found" + profile.map(p -> " for profile '" + p + "'").orElse("")
                + ": the tutorial needs them to deploy to your AWS account.",
                List.of("aws configure" + forProfile + "   (access keys)",
                        "aws sso login --profile NAME   (IAM Identity Center / SSO), then pass --profile NAME",
                        "or choose a configured profile with --profile NAME or AWS_PROFILE=NAME",
                        "or run without --aws to use the local cloud (no account needed)"), failure);
    }

    /**
     * A region AWS does not have (a typo such as {@code eu-wset-1}) shows up as a network fault: its endpoint's name
     * does not resolve. When AWS could not be reached and the SDK knows no such region, this says so and names the
     * closest real one; a known region (or a failure that is not about reaching AWS) gives empty.
     */
    public static Optional<CloudSetupException> unknownRegion(String region, Throwable failure) {
        if (!reachability(failure, allMessages(failure).toLowerCase(Locale.ROOT))
                || RegionMetadata.of(Region.of(region)) != null) {
            return Optional.empty();
        }
        List<String> known = Region.regions().stream().filter(r -> !r.isGlobalRegion() && RegionMetadata.of(r) != null)
                .map(Region::id).sorted().toList();
        String closest = known.stream().min(java.util.Comparator.comparingInt(k -> distance(k, region)))
                .orElse("us-east-1");
        return Optional.of(new CloudSetupException("'" + region + "' is not an AWS region, so there is no AWS endpoint"
                + " to reach there (this is not a network fault).",
                List.of("--region " + closest + "   (the closest region name)",
                        "or list the regions: aws ec2 describe-regions --query 'Regions[].RegionName'"), failure));
    }

    /** Edit distance between two short names (insertions, deletions, substitutions). */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** The failure is about reaching AWS (no network, a proxy), not about the credentials themselves. */
    private static boolean reachability(Throwable failure, String text) {
        return hasCause(failure, UnknownHostException.class) || hasCause(failure, ConnectException.class)
                || hasCause(failure, HttpTimeoutException.class) || text.contains("unable to execute http request");
    }

    private static Optional<String> serviceCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    && ase.awsErrorDetails().errorCode() != null) {
                return Optional.of(ase.awsErrorDetails().errorCode());
            }
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String allMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
