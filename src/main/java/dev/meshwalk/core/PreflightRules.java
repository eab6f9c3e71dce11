package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.meshwalk.facts.PermissionCheck;
import dev.meshwalk.facts.PreflightFacts;

/**
 * The preflight decisions, as a pure function of gathered facts, so each can be tested without an account.
 * Order matters to the reader: what stops the deploy first, then what will likely make it fail, then notes.
 */
public final class PreflightRules {

    /** Chapters whose stacks create App Mesh resources. */
    public static final Set<String> APP_MESH_CHAPTERS = PreflightFacts.APP_MESH_CHAPTERS;
    /** The date AWS stopped App Mesh. */
    public static final String APP_MESH_END = "2026-09-30";
    /** Default Elastic IPs per region (the chapter needs one per NAT gateway). */
    public static final int DEFAULT_EIP_LIMIT = 5;
    /** AWS's default VPCs per region, assumed when Service Quotas cannot be read. */
    public static final int DEFAULT_VPC_LIMIT = 5;
    /** Elastic IPs a new stack allocates (two NAT gateways). */
    public static final int EIPS_NEEDED = 2;

    private PreflightRules() {
    }

    public static List<Finding> evaluate(PreflightFacts f) {
        List<Finding> out = new ArrayList<>();
        boolean meshChapter = APP_MESH_CHAPTERS.contains(f.chapterId());
        if (meshChapter && f.appMeshChecked()) {
            out.add(new Finding(Finding.Level.STOP, "Chapter " + f.chapterId() + " needs AWS App Mesh, which AWS"
                    + " discontinued on " + APP_MESH_END + ": it no longer accepts meshes, so this stack cannot be"
                    + " created on AWS. Nothing was created.",
                    "run it on the local cloud, which still teaches the mesh: run the same command without --aws"));
            out.add(new Finding(Finding.Level.NOTE, "The seed walkthrough also checked for the App Mesh service-linked"
                    + " role (AWSServiceRoleForAppMesh)" + f.appMeshRolePresent().map(p -> p ? "; it exists in this"
                    + " account" : "; it is absent in this account").orElse("") + ". With App Mesh gone that check is moot.", ""));
            return out;
        }
        if (meshChapter) {
            out.add(new Finding(Finding.Level.NOTE, "The App Mesh preflight is switched off: chapter " + f.chapterId()
                    + " would be refused by AWS since " + APP_MESH_END + ".", ""));
        }
        out.add(permissions(f.permissions()));
        f.ecsRolePresent().ifPresentOrElse(present -> out.add(present
                ? new Finding(Finding.Level.OK, "The ECS service-linked role AWSServiceRoleForECS exists.", "")
                : new Finding(Finding.Level.WARN, "The ECS service-linked role AWSServiceRoleForECS is missing; ECS"
                        + " usually creates it on first use, but without iam:CreateServiceLinkedRole the cluster or"
                        + " services fail to create.",
                        "aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com")),
                () -> out.add(new Finding(Finding.Level.NOTE, "Could not check the ECS service-linked role"
                        + " (AWSServiceRoleForECS): no permission for iam:GetRole, or the target has no IAM.",
                        "if the deploy fails on the ECS cluster: aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com")));
        if (f.stackExists()) {
            out.add(new Finding(Finding.Level.OK, "The tutorial's stack exists already: its VPC and NAT Elastic IPs are in"
                    + " place, so no new ones are needed.", ""));
            return out;
        }
        if (f.elasticIpsInUse().isPresent()) {
            int limit = f.elasticIpLimit().orElse(DEFAULT_EIP_LIMIT);
            int used = f.elasticIpsInUse().getAsInt();
            if (used + EIPS_NEEDED > limit) {
                out.add(new Finding(Finding.Level.WARN, "Elastic IPs: " + used + " of " + limit + " are in use in "
                        + f.region() + "; the chapter needs " + EIPS_NEEDED + " more (one per NAT gateway), so the NAT"
                        + " gateways would fail to create.",
                        "release unused addresses (aws ec2 describe-addresses --region " + f.region() + "), pick another"
                                + " --region, or ask for a higher 'EC2-VPC Elastic IPs' quota in Service Quotas"));
            } else {
                out.add(new Finding(Finding.Level.OK, "Elastic IPs: " + used + " of " + limit + " in use; "
                        + EIPS_NEEDED + " more fit.", ""));
            }
        } else {
            out.add(new Finding(Finding.Level.NOTE, "Could not count Elastic IPs (ec2:DescribeAddresses); the chapter"
                    + " needs " + EIPS_NEEDED + " (default limit " + DEFAULT_EIP_LIMIT + " per region).", ""));
        }
        if (f.vpcsInUse().isPresent()) {
            int limit = f.vpcLimit().orElse(DEFAULT_VPC_LIMIT);
            int used = f.vpcsInUse().getAsInt();
            String assumed = f.vpcLimit().isPresent() ? "" : " (the applied quota could not be read from Service Quotas"
                    + " (servicequotas:GetServiceQuota), so AWS's default limit " + DEFAULT_VPC_LIMIT + " per region is assumed)";
            if (used + 1 > limit) {
                out.add(new Finding(Finding.Level.WARN, "VPCs: " + used + " of " + limit + " in use in " + f.region()
                        + "; the chapter creates one more, which would fail" + assumed + ".",
                        "delete an unused VPC, pick another --region, or ask for a higher 'VPCs per Region' quota in Service Quotas"));
            } else {
                out.add(new Finding(Finding.Level.OK, "VPCs: " + used + " of " + limit + " in use; one more fits" + assumed
                        + ".", ""));
            }
        } else {
            out.add(new Finding(Finding.Level.NOTE, "Could not count VPCs (ec2:DescribeVpcs); the chapter creates one"
                    + " (default limit " + DEFAULT_VPC_LIMIT + " per region).", ""));
        }
        return out;
    }

    /** The finding on the IAM policy simulation: missing actions stop the deploy before anything is created. */
    static Finding permissions(PermissionCheck p) {
        return switch (p.outcome()) {
            case CHECKED -> p.denied().isEmpty()
                    ? new Finding(Finding.Level.OK, "Permissions: the " + p.checked() + " actions the deploy performs are"
                            + " allowed for " + p.caller() + " (IAM policy simulation).", "")
                    : new Finding(Finding.Level.STOP, "Permissions: " + p.caller() + " may not perform " + p.denied().size()
                            + " of the actions this chapter's stack needs: " + String.join(", ", p.denied())
                            + ". CloudFormation would fail halfway, with NAT gateways already billing. Nothing was created.",
                            "ask your administrator for these actions (a user with PowerUserAccess lacks the iam: ones the"
                                    + " task roles need), or use a profile that has them: --profile NAME");
            case SIMULATION_DENIED -> new Finding(Finding.Level.WARN, "Could not check your permissions: " + p.caller()
                    + " may not call iam:SimulatePrincipalPolicy (" + p.detail() + "). If an action is missing, the deploy"
                    + " fails halfway (e.g. iam:CreateRole for the task roles, which PowerUserAccess lacks).",
                    "ask for iam:SimulatePrincipalPolicy on your own identity (read-only) so the tutorial can check first");
            case NOT_CHECKED -> new Finding(Finding.Level.NOTE, "Could not check your permissions with the IAM policy"
                    + " simulator: " + p.detail() + ".", "");
            case ROOT -> new Finding(Finding.Level.OK, "Permissions: the account's root user may perform every action"
                    + " (AWS recommends an IAM user or role for daily work).", "");
        };
    }

    /** The closing sentence when the findings stop the deploy: what to do instead, by what stopped it. */
    public static String stopSummary(List<Finding> findings, String chapterId) {
        boolean appMesh = APP_MESH_CHAPTERS.contains(chapterId)
                && findings.stream().anyMatch(x -> x.level() == Finding.Level.STOP && x.message().contains("App Mesh"));
        return appMesh
                ? "Stopped before creating anything: chapter " + chapterId + " cannot run on AWS any more. Run it without"
                        + " --aws to do it on the local cloud."
                : "Stopped before creating anything: the findings marked [stop] above must be fixed first.";
    }

    /** Whether any finding stops the deploy. */
    public static boolean stops(List<Finding> findings) {
        return findings.stream().anyMatch(x -> x.level() == Finding.Level.STOP);
    }
}
