package dev.meshwalk.localcloud.provider;

import java.util.Optional;

/**
 * Cloud Map namespaces and services. The data plane listens here to serve DNS for private namespaces and
 * to keep the instance registry that ECS services register their tasks in.
 */
public final class CloudMapResources extends ResourceStore {

    public static final String PRIVATE_DNS_NAMESPACE = "AWS::ServiceDiscovery::PrivateDnsNamespace";
    public static final String PUBLIC_DNS_NAMESPACE = "AWS::ServiceDiscovery::PublicDnsNamespace";
    public static final String HTTP_NAMESPACE = "AWS::ServiceDiscovery::HttpNamespace";
    public static final String SERVICE = "AWS::ServiceDiscovery::Service";

    /** A namespace by its {@code ns-} id. */
    public Optional<ResourceRecord> namespace(String id) {
        return get(id).filter(r -> !r.type().equals(SERVICE));
    }

    /** A service by its ARN (what an ECS service's {@code ServiceRegistries[].RegistryArn} holds). */
    public Optional<ResourceRecord> serviceByArn(String arn) {
        return ofType(SERVICE).stream().filter(r -> arn.equals(r.attributes().get("Arn"))).findFirst();
    }
}
