package dev.meshwalk.localcloud.wire;

import dev.meshwalk.localcloud.service.AwsError;

/**
 * One AWS wire protocol: turns a request into a {@link WireCall} and a service's answer (or failure) back
 * into bytes. One implementation per protocol; the {@link WireRouter} decides which one a request speaks.
 */
public interface WireProtocol {

    /** A short name for logs, e.g. {@code awsQuery}. */
    String name();

    /**
     * Decodes the request.
     *
     * @throws WireFault when the request is malformed or names no known operation
     */
    WireCall decode(WireRequest request);

    /** Encodes a successful output tree (an empty map for operations without output). */
    WireResponse success(WireCall call, Object output, String requestId);

    /**
     * Encodes a failure.
     *
     * @param signingName the service the request addressed, or null when it could not be told
     * @param operation   the operation, or null when it could not be told
     */
    WireResponse failure(String signingName, String operation, AwsError error, String requestId);

    /** Turns a wire-level rejection into this protocol's error vocabulary. */
    AwsError toAwsError(WireFault fault, String signingName);
}
