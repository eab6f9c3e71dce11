package dev.meshwalk.localcloud.service.iam;

import dev.meshwalk.localcloud.provider.ResourceListener;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service-linked roles AWS creates the first time an account uses a service: creating an ECS cluster makes
 * {@code AWSServiceRoleForECS}, an App Mesh mesh {@code AWSServiceRoleForAppMesh}, a load balancer
 * {@code AWSServiceRoleForElasticLoadBalancing}. Like on AWS they stay when the resource is deleted (a script
 * that checks for one with {@code aws iam get-role} finds it). Registered as a listener on the stores of those
 * resources.
 */
final class ServiceLinkedRoles implements ResourceListener {

    /** One kind of service-linked role: the service principal that may assume it and its AWS managed policy. */
    private record Kind(String service, String roleName, String policyArn, String description) {
    }

    private static final Map<String, Kind> BY_RESOURCE_TYPE = Map.of(
            "AWS::ECS::Cluster", new Kind("ecs.amazonaws.com", "AWSServiceRoleForECS",
                    "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy",
                    "Role to enable Amazon ECS to manage your cluster."),
            "AWS::AppMesh::Mesh", new Kind("appmesh.amazonaws.com", "AWSServiceRoleForAppMesh",
                    "arn:aws:iam::aws:policy/aws-service-role/AWSAppMeshServiceRolePolicy",
                    "Allows AWS App Mesh to call AWS services on your behalf."),
            "AWS::ElasticLoadBalancingV2::LoadBalancer", new Kind("elasticloadbalancing.amazonaws.com",
                    "AWSServiceRoleForElasticLoadBalancing",
                    "arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy",
                    "Allows ELB to call AWS services on your behalf."));

    private final Clock clock;
    private final Map<String, IamRole> roles = new ConcurrentHashMap<>();

    ServiceLinkedRoles(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void created(ResourceRecord record) {
        Kind kind = BY_RESOURCE_TYPE.get(record.type());
        if (kind != null) {
            roles.computeIfAbsent(kind.roleName(), name -> role(kind));
        }
    }

    Collection<IamRole> all() {
        return roles.values();
    }

    Optional<IamRole> named(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    private IamRole role(Kind kind) {
        String path = "/aws-service-role/" + kind.service() + "/";
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + kind.service() + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        return new IamRole(kind.roleName(), path, IamIds.id("AROA", kind.roleName()),
                "arn:aws:iam::" + RequestContext.DEFAULT_ACCOUNT + ":role" + path + kind.roleName(), clock.instant(),
                trust, kind.description(), 3600, List.of(kind.policyArn()), Map.of());
    }
}
