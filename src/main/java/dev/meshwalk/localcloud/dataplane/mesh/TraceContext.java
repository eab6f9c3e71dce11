package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.AwsIds;

/**
 * The X-Ray trace context a proxy hop carries on: it keeps the caller's root and sampling decision (or starts a
 * trace when the request has none), gets its own segment id, and becomes the parent of the next hop.
 *
 * @param parent the caller's segment id, or null when this hop starts the trace
 * @param self   this hop's segment id (16 hex digits)
 */
record TraceContext(String root, String parent, String self, String sampled) {

    static final String HEADER = "X-Amzn-Trace-Id";

    /** Reads {@code Root=...;Parent=...;Sampled=...} (any order, any part missing). */
    static TraceContext continueFrom(String header) {
        String root = null;
        String parent = null;
        String sampled = "1";
        if (header != null) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith("Root=")) {
                    root = p.substring(5);
                } else if (p.startsWith("Parent=")) {
                    parent = p.substring(7);
                } else if (p.startsWith("Sampled=")) {
                    sampled = p.substring(8);
                }
            }
        }
        return new TraceContext(root == null ? AwsIds.traceRoot() : root, parent, AwsIds.hex(16), sampled);
    }

    /** The header to send upstream: same root, this hop as parent. */
    String header() {
        return "Root=" + root + ";Parent=" + self + ";Sampled=" + sampled;
    }

    boolean isSampled() {
        return !"0".equals(sampled);
    }
}
