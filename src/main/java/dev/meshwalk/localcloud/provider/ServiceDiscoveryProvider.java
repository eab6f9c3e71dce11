package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cloud Map: namespaces ({@code ns-} ids, a Route 53 {@code HostedZoneId} for DNS ones) and services
 * ({@code srv-} ids, ARN, name).
 */
public final class ServiceDiscoveryProvider extends FamilyProvider {

    public ServiceDiscoveryProvider(CloudMapResources store) {
        super(store);
        kind(CloudMapResources.PRIVATE_DNS_NAMESPACE, List.of("Vpc"), (r, cur) -> namespace(r, cur, true));
        kind(CloudMapResources.PUBLIC_DNS_NAMESPACE, List.of(), (r, cur) -> namespace(r, cur, true));
        kind(CloudMapResources.HTTP_NAMESPACE, List.of(), (r, cur) -> namespace(r, cur, false));
        kind(CloudMapResources.SERVICE, List.of(),
                (r, cur) -> {
                    String namespaceId = namespaceOf(r);
                    if (namespaceId != null && store.namespace(namespaceId).isEmpty()) {
                        throw new ProvisionException("Namespace not found: " + namespaceId
                                + " (Service: ServiceDiscovery; Status Code: 400; Error Code: NamespaceNotFound)");
                    }
                    String id = cur != null ? cur.physicalId() : AwsIds.discoveryServiceId();
                    String name = textOr(r, "Name", AwsIds.generatedLowerName(r.stackName(), r.logicalId(), 127));
                    return new Provisioned(id, attrs("Id", id, "Arn", arn(r, "servicediscovery", "service/" + id), "Name", name));
                });
    }

    private static Provisioned namespace(ResourceRequest r, Provisioned cur, boolean dns) {
        String id = cur != null ? cur.physicalId() : AwsIds.namespaceId();
        return new Provisioned(id, attrs("Id", id, "Arn", arn(r, "servicediscovery", "namespace/" + id),
                "HostedZoneId", dns ? keepOr(cur, "HostedZoneId", AwsIds.hostedZoneId()) : null));
    }

    private static String namespaceOf(ResourceRequest r) {
        Object dns = r.properties().get("DnsConfig");
        if (dns instanceof Map<?, ?> m && m.get("NamespaceId") != null) {
            return String.valueOf(m.get("NamespaceId"));
        }
        return text(r, "NamespaceId");
    }
}
