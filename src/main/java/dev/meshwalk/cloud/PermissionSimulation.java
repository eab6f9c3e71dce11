package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.meshwalk.facts.PermissionCheck;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * Asks IAM's policy simulator ({@code iam:SimulatePrincipalPolicy}) whether the caller may perform the actions a
 * deploy needs, on any resource ({@code *}). The simulator takes an IAM user or role, not the session STS reports,
 * so an assumed-role ARN ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}) is turned into its role's
 * ARN, with the role's path read by {@code iam:GetRole} (IAM Identity Center roles live under a path); the account's
 * root user is not simulated (it may do everything). Read-only; every failure becomes an outcome, never an exception.
 */
public final class PermissionSimulation {

    private final IamClient iam;

    public PermissionSimulation(IamClient iam) {
        this.iam = iam;
    }

    /** Simulates {@code actions} for the caller STS named ({@code callerArn}). */
    public PermissionCheck check(String callerArn, Collection<String> actions) {
        Principal p = Principal.of(callerArn);
        if (p.kind() == Principal.Kind.ROOT) {
            return PermissionCheck.notChecked(PermissionCheck.Outcome.ROOT, callerArn, "");
        }
        if (p.kind() == Principal.Kind.OTHER) {
            return PermissionCheck.notChecked(PermissionCheck.Outcome.NOT_CHECKED, callerArn,
                    "the simulator takes IAM users and roles, and " + callerArn + " is neither");
        }
        String source = p.kind() == Principal.Kind.ASSUMED_ROLE ? roleArn(p) : callerArn;
        List<String> denied = new ArrayList<>();
        try {
            for (EvaluationResult r : iam.simulatePrincipalPolicyPaginator(b -> b.policySourceArn(source)
                    .actionNames(actions)).evaluationResults()) {
                if (r.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
                    denied.add(r.evalActionName());
                }
            }
        } catch (SdkException e) {
            String summary = SdkErrors.summary(e);
            boolean refused = summary.startsWith("AccessDenied") || summary.contains("not authorized");
            return PermissionCheck.notChecked(refused ? PermissionCheck.Outcome.SIMULATION_DENIED
                    : PermissionCheck.Outcome.NOT_CHECKED, source, summary);
        }
        return PermissionCheck.checked(source, actions.size(), denied.stream().sorted().toList());
    }

    /** The role's ARN with its path (from GetRole); without GetRole, the path-less ARN (right for most roles). */
    private String roleArn(Principal p) {
        try {
            return iam.getRole(b -> b.roleName(p.name())).role().arn();
        } catch (SdkException e) {
            return "arn:" + p.partition() + ":iam::" + p.account() + ":role/" + p.name();
        }
    }

    /** A caller ARN, taken apart. */
    record Principal(Kind kind, String partition, String account, String name) {

        enum Kind { USER, ASSUMED_ROLE, ROOT, OTHER }

        static Principal of(String arn) {
            String[] parts = arn.split(":", 6);
            if (parts.length < 6) {
                return new Principal(Kind.OTHER, "aws", "", arn);
            }
            String resource = parts[5];
            if (parts[2].equals("iam") && resource.equals("root")) {
                return new Principal(Kind.ROOT, parts[1], parts[4], "root");
            }
            if (parts[2].equals("iam") && resource.startsWith("user/")) {
                return new Principal(Kind.USER, parts[1], parts[4], resource.substring(resource.lastIndexOf('/') + 1));
            }
            if (parts[2].equals("sts") && resource.startsWith("assumed-role/")) {
                String[] r = resource.split("/");
                return new Principal(Kind.ASSUMED_ROLE, parts[1], parts[4], r.length > 1 ? r[1] : "");
            }
            return new Principal(Kind.OTHER, parts[1], parts[4], resource);
        }
    }
}
