package dev.meshwalk.localcloud.service;

import java.util.Set;

/**
 * One AWS service of the local cloud, seen from the wire layer.
 *
 * <p>The wire layer decodes a request in whatever protocol the client spoke (awsQuery form, RPCv2 CBOR,
 * JSON 1.0, restJson1) into a protocol-neutral {@link Params} tree, calls {@link #call}, and encodes the
 * returned tree back in the same protocol. Service code therefore never sees HTTP, XML, JSON or CBOR.
 *
 * <p>The returned tree is made of {@code Map<String,Object>} (insertion-ordered, member names as in the
 * AWS model, e.g. {@code StackStatus}), {@code List<Object>}, {@code String}, {@code Number},
 * {@code Boolean} and {@link java.time.Instant}; {@code null} members are left out on the wire.
 * An operation with no output returns an empty map.
 */
public interface AwsService {

    /** The SigV4 signing name, e.g. {@code cloudformation}, {@code monitoring}, {@code xray}. */
    String signingName();

    /**
     * The operations this service implements, by model name (e.g. {@code DescribeStacks}).
     *
     * <p>The wire layer answers a request for any other operation itself, in the client's protocol
     * (awsQuery {@code InvalidAction} "Could not find operation X ...", RPCv2 {@code UnknownOperationException}),
     * so every service reports unknown operations the same way. The default, an empty set, means "not
     * declared": every operation is passed to {@link #call}, which must then reject unknown ones itself.
     */
    default Set<String> operations() {
        return Set.of();
    }

    /**
     * Runs one operation.
     *
     * @throws AwsError for every failure a client should see; anything else becomes an InternalFailure
     */
    Object call(String operation, Params input, RequestContext context);
}
