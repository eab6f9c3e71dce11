package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Set;

/** CloudWatch Logs log groups, named as in the template or generated, with their ARN. */
public final class LogsProvider extends FamilyProvider {

    public LogsProvider(LogsResources store) {
        super(store);
        kind("AWS::Logs::LogGroup", List.of(), (r, cur) -> {
            String name = cur != null ? cur.physicalId() : textOr(r, "LogGroupName", AwsIds.generatedName(r.stackName(), r.logicalId(), 512));
            return new Provisioned(name, attrs("Arn", arn(r, "logs", "log-group:" + name + ":*")));
        });
    }
}
