package dev.meshwalk.cloud;

import java.net.ConnectException;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Rewords a call that never reached its target (nothing listening there) into what happened and what to do, for the
 * kind of target at hand. The SDK's own words ("Unable to execute HTTP request ... (SDK Attempt Count: 4)") name
 * neither, and every caller would otherwise print them as they are. The original failure stays the cause, for the log.
 */
final class UnreachableTargetWording implements ExecutionInterceptor {

    private final CloudTarget target;

    UnreachableTargetWording(CloudTarget target) {
        this.target = target;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String address = context.httpRequest().map(r -> r.protocol() + "://" + r.host() + port(r.protocol(), r.port()))
                .orElse(target.endpoint().map(Object::toString).orElse("the service's endpoint"));
        return unreachable(failure).<Throwable>map(why -> new Unreachable(wording(address, why), failure))
                .orElse(failure);
    }

    /**
     * The reworded failure, a type of its own so {@link SdkErrors#summary} prints its words alone: they already name
     * the network's reason, which the summary would otherwise append again from the root cause.
     */
    static final class Unreachable extends SdkClientException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(SdkClientException.builder().message(message).cause(cause));
        }
    }

    private static String port(String protocol, int port) {
        boolean usual = port < 0 || port == 80 && protocol.equals("http") || port == 443 && protocol.equals("https");
        return usual ? "" : ":" + port;
    }

    /** The message for this target; {@code why} is the network's word ("Connection refused"). */
    String wording(String address, String why) {
        return switch (target.kind()) {
            case LOCAL -> "The local cloud at " + address + " does not answer (" + why + "): it has stopped. Start the"
                    + " tutorial again, or any of its commands such as `status`: that starts a new one, with your stack.";
            case ENDPOINT -> "Nothing answers at " + address + " (" + why + "). Start the service there (a standalone"
                    + " local cloud: the `localcloud` command), or fix --endpoint-url / AWS_ENDPOINT_URL.";
            case AWS -> "AWS could not be reached at " + address + " (" + why + "). Check the network connection"
                    + " (or a proxy in the way), then try again.";
        };
    }

    /**
     * The network's reason when nothing listens at the target; empty for any other failure. A name that does not
     * resolve is left to {@link SdkErrors#summary}: the SDK's own interceptor for it, which runs after this one,
     * accepts only the exception type it was given.
     */
    static Optional<String> unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return Optional.of(reason(t, "connection refused"));
            }
        }
        return Optional.empty();
    }

    /** The root message without the "Connect to host failed: " prefix some HTTP clients add. */
    private static String reason(Throwable t, String fallback) {
        String message = Optional.ofNullable(t.getMessage()).orElse(fallback);
        int colon = message.lastIndexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }
}
