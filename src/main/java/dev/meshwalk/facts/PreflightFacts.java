package dev.meshwalk.facts;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What was learned about the account before a deploy. Every fact that could not be read (no permission, an
 * endpoint without that API) is empty, and the rules say so instead of guessing.
 *
 * @param chapterId           the chapter about to be deployed
 * @param region              the region
 * @param appMeshChecked      false when the App Mesh preflight was switched off (local-cloud proofs only)
 * @param appMeshRolePresent  whether {@code AWSServiceRoleForAppMesh} exists
 * @param ecsRolePresent      whether {@code AWSServiceRoleForECS} exists
 * @param stackExists         whether the tutorial's stack already exists (then its NAT EIPs and VPC are in place)
 * @param elasticIpsInUse     Elastic IPs allocated in the region (EC2 DescribeAddresses)
 * @param elasticIpLimit      the account's VPC Elastic IP limit (EC2 DescribeAccountAttributes vpc-max-elastic-ips)
 * @param vpcsInUse           VPCs in the region (EC2 DescribeVpcs)
 * @param vpcLimit            the applied 'VPCs per Region' quota (Service Quotas {@code vpc} / {@code L-F678F1CE});
 *                            empty when unreadable (the rules then assume AWS's default)
 * @param permissions         the IAM policy simulation of the actions the deploy performs
 */
public record PreflightFacts(String chapterId, String region, boolean appMeshChecked,
        Optional<Boolean> appMeshRolePresent, Optional<Boolean> ecsRolePresent, boolean stackExists,
        OptionalInt elasticIpsInUse, OptionalInt elasticIpLimit, OptionalInt vpcsInUse, OptionalInt vpcLimit,
        PermissionCheck permissions) {

    /** Chapters whose stacks create App Mesh resources (the ones AWS's shutdown rules out on an account). */
    public static final Set<String> APP_MESH_CHAPTERS = Set.of("2-meshify", "3-routing");
}
