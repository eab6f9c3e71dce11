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
}
