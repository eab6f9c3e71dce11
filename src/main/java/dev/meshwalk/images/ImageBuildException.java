package dev.meshwalk.images;

/** An image could not be built or pushed; the message says why in the learner's terms. */
public final class ImageBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
