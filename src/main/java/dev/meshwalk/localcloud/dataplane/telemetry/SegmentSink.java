package dev.meshwalk.localcloud.dataplane.telemetry;

/**
 * Where the intake delivers X-Ray segment documents (from the daemon UDP protocol or translated from
 * OTLP spans). The local cloud's root wires this to the X-Ray service's store; the data plane never
 * sees the service layer.
 */
@FunctionalInterface
public interface SegmentSink {

    /**
     * Accepts one segment (or independent subsegment) document as JSON text.
     *
     * @throws IllegalArgumentException when the document is refused (malformed, bad ids); the message
     *                                  says why, and the intake counts the refusal instead of failing
     */
    void accept(String segmentJson);

    /**
     * The first half of {@link #accept}: checks the document and returns what stores it. Safe on any thread, so
     * the intake can check an export's documents on a helper thread and still store them one by one, in order,
     * on the receiving thread. The default checks nothing ahead: storing does all of {@link #accept}.
     *
     * @throws IllegalArgumentException when the document is refused, as {@link #accept} would refuse it
     */
    default Checked check(String segmentJson) {
        return () -> accept(segmentJson);
    }

    /** A document {@link #check}ed and waiting to be stored. */
    @FunctionalInterface
    interface Checked {

        /**
         * Stores the document.
         *
         * @throws IllegalArgumentException when it is refused after all, as {@link SegmentSink#accept} would
         */
        void store();
    }
}
