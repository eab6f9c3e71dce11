package dev.meshwalk.localcloud.wire;

/**
 * A request the wire layer itself rejects before any service sees it: a malformed body, an unknown
 * operation, a body that is too large. Each protocol encodes it like a service error, using the
 * {@link Kind} to pick its own code (for example awsQuery's {@code InvalidAction} versus RPCv2's
 * {@code UnknownOperationException}).
 */
public final class WireFault extends RuntimeException {

    /** What went wrong, independent of protocol. */
    public enum Kind {
        /** The body cannot be parsed (bad CBOR, bad JSON, bad form encoding, bad gzip). */
        MALFORMED(400),
        /** The operation does not exist for the addressed service. */
        UNKNOWN_OPERATION(400),
        /** The request names no operation (awsQuery without {@code Action}). */
        MISSING_ACTION(400),
        /** The service the request addresses is not served by this local cloud. */
        UNKNOWN_SERVICE(400),
        /** The HTTP method is not what the protocol allows. */
        METHOD_NOT_ALLOWED(405),
        /** The body exceeds the configured limit. */
        TOO_LARGE(413);

        private final int defaultStatus;

        Kind(int defaultStatus) {
            this.defaultStatus = defaultStatus;
        }

        public int defaultStatus() {
            return defaultStatus;
        }
    }

    private final Kind kind;

    public WireFault(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WireFault(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
