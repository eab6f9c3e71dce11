package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import dev.meshwalk.facts.PermissionCheck;
import dev.meshwalk.facts.PreflightFacts;
import dev.meshwalk.cloud.preflight.StackActions;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Reads the facts the preflight rules need (service-linked roles, Elastic IP and VPC usage and limits) with read-only
 * calls. Every call that fails (no permission, an endpoint without IAM or EC2) leaves its fact empty rather than
 * failing the deploy: the rules then say what could not be checked.
 */
public final class AccountProbe {

    /** The role App Mesh used; checked as the seed walkthrough did, only to explain that it no longer matters. */
    public static final String APP_MESH_ROLE = "AWSServiceRoleForAppMesh";
    /** The role ECS needs to manage ENIs and load balancer targets for services. */
    public static final String ECS_ROLE = "AWSServiceRoleForECS";

    private final CloudSession session;

    public AccountProbe(CloudSession session) {
        this.session = session;
    }

    /** Gathers the facts for deploying {@code chapterId} into {@code stackName}. */
    public PreflightFacts gather(String chapterId, String stackName, boolean appMeshCheck) {
        ClientOverrideConfiguration quick = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(20)).build();
        Region region = Region.of(session.target().region());
        boolean exists = new Stacks(session).find(stackName).filter(s -> s.condition() != StackInfo.Condition.GONE)
                .isPresent();
        Optional<Boolean> appMeshRole;
        Optional<Boolean> ecsRole;
        PermissionCheck permissions;
        // IAM is global: on AWS its endpoint lives in aws-global; an endpoint override takes the target's region.
        Region iamRegion = session.target().kind() == CloudTarget.Kind.AWS ? Region.AWS_GLOBAL : region;
        try (IamClient iam = session.configure(IamClient.builder(), iamRegion, quick).build()) {
            appMeshRole = appMeshCheck ? roleExists(iam, APP_MESH_ROLE) : Optional.empty();
            ecsRole = roleExists(iam, ECS_ROLE);
            permissions = permissions(iam, chapterId, appMeshCheck);
        }
        OptionalInt eips = OptionalInt.empty();
        OptionalInt eipLimit = OptionalInt.empty();
        OptionalInt vpcs = OptionalInt.empty();
        try (Ec2Client ec2 = session.configure(Ec2Client.builder(), region, quick).build()) {
            try {
                eips = OptionalInt.of(ec2.describeAddresses().addresses().size());
            } catch (SdkException e) {
                // not readable: the rules say so
            }
            try {
                for (AccountAttribute a : ec2.describeAccountAttributes(b -> b.attributeNamesWithStrings(
                        "vpc-max-elastic-ips")).accountAttributes()) {
                    if (!a.attributeValues().isEmpty()) {
                        eipLimit = OptionalInt.of(Integer.parseInt(a.attributeValues().get(0).attributeValue()));
                    }
                }
            } catch (SdkException | NumberFormatException e) {
                // the default limit applies
            }
            try {
                vpcs = OptionalInt.of((int) ec2.describeVpcsPaginator().vpcs().stream().count());
            } catch (SdkException e) {
                // not readable: the rules say so
            }
        }
        OptionalInt vpcLimit = new VpcQuotaLookup(session.credentials(), session.target().region(),
                session.target().endpoint()).read();
        return new PreflightFacts(chapterId, session.target().region(), appMeshCheck, appMeshRole, ecsRole, exists,
                eips, eipLimit, vpcs, vpcLimit, permissions);
    }

    /** Simulates the chapter's actions for the caller (STS); App Mesh chapters stop anyway, so they are not asked. */
    private PermissionCheck permissions(IamClient iam, String chapterId, boolean appMeshCheck) {
        if (appMeshCheck && PreflightFacts.APP_MESH_CHAPTERS.contains(chapterId)) {
            return PermissionCheck.notChecked(PermissionCheck.Outcome.NOT_CHECKED, "", "not needed for an App Mesh chapter");
        }
        Optional<java.util.SortedSet<String>> actions = StackActions.forChapter(chapterId);
        if (actions.isEmpty()) {
            return PermissionCheck.notChecked(PermissionCheck.Outcome.NOT_CHECKED, "", "no template for " + chapterId);
        }
        String caller;
        try {
            caller = session.identity().arn();
        } catch (RuntimeException e) {
            return PermissionCheck.notChecked(PermissionCheck.Outcome.NOT_CHECKED, "the caller",
                    "the caller's identity (STS GetCallerIdentity) could not be read");
        }
        return new PermissionSimulation(iam).check(caller, actions.get());
    }

    private static Optional<Boolean> roleExists(IamClient iam, String roleName) {
        try {
            iam.getRole(b -> b.roleName(roleName));
            return Optional.of(true);
        } catch (NoSuchEntityException e) {
            return Optional.of(false);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }
}
