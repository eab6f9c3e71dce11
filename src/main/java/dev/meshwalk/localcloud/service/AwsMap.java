package dev.meshwalk.localcloud.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value of a model <em>map</em> shape (free keys, e.g. {@code ExtendedStatistics: {"p99": 1.2}}), as opposed to a
 * structure, whose keys are member names. JSON and CBOR write both as objects; awsQuery's XML needs to know, since
 * it writes a map as {@code <entry><key/><value/></entry>} items.
 */
public final class AwsMap extends LinkedHashMap<String, Object> {

    public AwsMap() {
    }

    public AwsMap(Map<String, ?> entries) {
        super(entries);
    }
}
