package dev.meshwalk.cloud;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Explains why AWS could not be used with the credentials at hand, in the user's terms: which command fixes it
 * ({@code aws configure}, {@code aws sso login --profile X}, {@code --profile}, {@code AWS_PROFILE}). The SDK's own
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
        if (hasCause(failure, UnknownHostException.class) || hasCause(failure, ConnectException.class)
                || hasCause(failure, HttpTimeoutException.class) || text.contains("unable to execute http request")) {
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
