package dev.meshwalk.cloud;

import java.net.UnknownHostException;
import java.util.Optional;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Short, readable summaries of SDK failures: the service's code and message, not the SDK's request ids. */
final class SdkErrors {

    private SdkErrors() {
    }

    static String summary(Throwable e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            String code = Optional.ofNullable(ase.awsErrorDetails().errorCode()).orElse("Error");
            String message = Optional.ofNullable(ase.awsErrorDetails().errorMessage()).orElse("");
            return code + ": " + message;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreachableTargetWording.Unreachable unreachable) {
                return unreachable.getMessage(); // it names the network's reason itself
            }
            if (t instanceof UnknownHostException) {
                return "The host name " + t.getMessage() + " does not resolve (unknown host). Check the address"
                        + " (--endpoint-url, AWS_ENDPOINT_URL or --region) and the network connection.";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return message;
    }

    static boolean isCode(SdkException e, String code) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && code.equals(ase.awsErrorDetails().errorCode());
    }

    static boolean isMissingStack(SdkException e) {
        return isCode(e, "ValidationError") && String.valueOf(e.getMessage()).contains("does not exist");
    }
}
