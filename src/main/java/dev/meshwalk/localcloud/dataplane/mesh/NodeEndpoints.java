package dev.meshwalk.localcloud.dataplane.mesh;

import dev.meshwalk.localcloud.dataplane.cloudmap.CloudMap;
import dev.meshwalk.localcloud.dataplane.dns.DnsAnswers;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a virtual node's instances are, from the node's own service discovery: healthy Cloud Map instances (with
 * the port each registered) or the addresses a DNS name resolves to (on the node's listener port).
 */
final class NodeEndpoints {

    private final CloudMap cloudMap;
    private final DnsAnswers dns;

    NodeEndpoints(CloudMap cloudMap, DnsAnswers dns) {
        this.cloudMap = cloudMap;
        this.dns = dns;
    }

    /** {@code ip:port} of every instance, sorted so that round robin is stable across calls. */
    List<String> of(VirtualNodeSpec node) {
        List<String> out = new ArrayList<>();
        if (node.serviceDiscovery() instanceof ServiceDiscoverySpec.CloudMap discovery) {
            cloudMap.discoverInstances(discovery.namespaceName(), discovery.serviceName(), discovery.attributes(), true)
                    .forEach(i -> out.add(i.ipv4() + ":" + i.port(node.firstListenerPort())));
        } else if (node.serviceDiscovery() instanceof ServiceDiscoverySpec.Dns discovery) {
            dns.resolveIpv4(discovery.hostname())
                    .forEach(a -> out.add(a.getHostAddress() + ":" + node.firstListenerPort()));
        }
        out.sort(null);
        return out;
    }
}
