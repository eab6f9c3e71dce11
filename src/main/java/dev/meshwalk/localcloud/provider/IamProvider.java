package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IAM roles, policies, managed policies and instance profiles: names, ARNs and ids, no local effect. */
public final class IamProvider extends FamilyProvider {

    public IamProvider(IamResources store) {
        super(store);
        kind("AWS::IAM::Role", List.of(), (r, cur) -> {
            String name = cur != null ? cur.physicalId() : textOr(r, "RoleName", AwsIds.generatedName(r.stackName(), r.logicalId(), 64));
            return new Provisioned(name, attrs("Arn", AwsIds.arn("iam", "", r.accountId(), "role" + textOr(r, "Path", "/") + name),
                    "RoleId", keepOr(cur, "RoleId", "AROA" + AwsIds.upperAlphanumeric(17))));
        });
        kind("AWS::IAM::Policy", List.of(), (r, cur) -> {
            String id = cur != null ? cur.physicalId() : AwsIds.generatedName(r.stackName(), r.logicalId(), 64);
            return new Provisioned(id, attrs("Id", id));
        });
        kind("AWS::IAM::ManagedPolicy", List.of(), (r, cur) -> {
            String name = textOr(r, "ManagedPolicyName", AwsIds.generatedName(r.stackName(), r.logicalId(), 128));
            String arn = cur != null ? cur.physicalId() : AwsIds.arn("iam", "", r.accountId(), "policy" + textOr(r, "Path", "/") + name);
            return new Provisioned(arn, attrs("PolicyArn", arn, "PolicyId", keepOr(cur, "PolicyId", "ANPA" + AwsIds.upperAlphanumeric(17)),
                    "DefaultVersionId", "v1"));
        });
        kind("AWS::IAM::InstanceProfile", List.of(), (r, cur) -> {
            String name = cur != null ? cur.physicalId() : textOr(r, "InstanceProfileName", AwsIds.generatedName(r.stackName(), r.logicalId(), 128));
            return new Provisioned(name, attrs("Arn", AwsIds.arn("iam", "", r.accountId(), "instance-profile" + textOr(r, "Path", "/") + name)));
        });
        kind("AWS::IAM::ServiceLinkedRole", List.of("AWSServiceName"), (r, cur) ->
                new Provisioned(cur != null ? cur.physicalId() : "AWSServiceRoleFor" + AwsIds.upperAlphanumeric(6), Map.of()));
    }
}
