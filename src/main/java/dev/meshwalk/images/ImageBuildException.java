package dev.meshwalk.images;

/**
 * An image could not be built or pushed; the message says why in the learner's terms, and {@link #reason()} says
 * which kind of trouble it was, so the caller can name the next step (check the network, fix the permissions).
 */
public final class ImageBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the next step differs. */
    public enum Reason {
        /** A registry (the base image's or the target) could not be reached: no network, DNS, proxy, firewall. */
        UNREACHABLE,
        /** A registry answered but refused: missing or expired credentials, no permission to push or pull. */
        DENIED,
        /** Anything else: a bad image reference, a local file problem, an unexpected registry answer. */
        OTHER
    }

    private final Reason reason;

    public ImageBuildException(String message, Throwable cause) {
        this(message, Reason.OTHER, cause);
    }

    public ImageBuildException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
