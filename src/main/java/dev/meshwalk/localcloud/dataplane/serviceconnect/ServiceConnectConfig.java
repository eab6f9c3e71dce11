package dev.meshwalk.localcloud.dataplane.serviceconnect;

import java.util.List;
import java.util.Locale;

/**
 * An ECS service's {@code ServiceConnectConfiguration}: the Cloud Map namespace it joins and, for a server, the
 * named ports it offers there. A service with no {@code services} is a client only: its tasks get the managed proxy
 * and may call every alias of the namespace, but nobody calls them through Service Connect.
 *
 * @param namespace the namespace's name (the bridge resolves an ARN to it)
 */
public record ServiceConnectConfig(String namespace, List<Server> services) {

    public ServiceConnectConfig {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("ServiceConnectConfiguration needs a Namespace (or the cluster's"
                    + " ServiceConnectDefaults)");
        }
        services = List.copyOf(services);
    }

    /**
     * One {@code ServiceConnectService} entry.
     *
     * @param portName            a {@code PortMappings[].Name} of the task definition
     * @param discoveryName       the Cloud Map service name; defaults to the port name
     * @param clientAliases       names and ports clients use ({@code http://color:8080})
     * @param ingressPortOverride the port the proxy listens on for this service, or null for a free one
     */
    public record Server(String portName, String discoveryName, List<ClientAlias> clientAliases,
                         Integer ingressPortOverride) {
        public Server {
            if (portName == null || portName.isBlank()) {
                throw new IllegalArgumentException("ServiceConnectService needs a PortName");
            }
            discoveryName = discoveryName == null || discoveryName.isBlank() ? portName : discoveryName;
            clientAliases = List.copyOf(clientAliases);
        }
    }

    /** {@code ClientAlias}: a DNS name (default: the discovery name) and port clients call. */
    public record ClientAlias(String dnsName, int port) {
        public ClientAlias {
            dnsName = dnsName == null ? null : dnsName.toLowerCase(Locale.ROOT);
        }
    }
}
