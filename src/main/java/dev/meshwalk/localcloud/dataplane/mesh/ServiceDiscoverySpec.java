package dev.meshwalk.localcloud.dataplane.mesh;

import java.util.Map;

/** Where a virtual node's endpoints come from. */
public sealed interface ServiceDiscoverySpec {

    /** Healthy Cloud Map instances of {@code namespace/service} whose attributes include {@code attributes}. */
    record CloudMap(String namespaceName, String serviceName, Map<String, String> attributes)
            implements ServiceDiscoverySpec {
        public CloudMap {
            attributes = Map.copyOf(attributes);
        }
    }

    /** A's of {@code hostname} from the local DNS, on the node's listener port. */
    record Dns(String hostname) implements ServiceDiscoverySpec {
    }
}
