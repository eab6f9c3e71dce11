package dev.meshwalk.localcloud.service.xray;

/**
 * A segment document X-Ray would not accept; the code and message go into
 * {@code UnprocessedTraceSegments[]} so the sender sees which document failed and why.
 */
public final class SegmentRejected extends Exception {

    private final String segmentId;
    private final String errorCode;

    public SegmentRejected(String segmentId, String errorCode, String message) {
        super(message, null, false, false);
        this.segmentId = segmentId;
        this.errorCode = errorCode;
    }

    /** The document's {@code id} when it could be read, else null. */
    public String segmentId() {
        return segmentId;
    }

    public String errorCode() {
        return errorCode;
    }
}
