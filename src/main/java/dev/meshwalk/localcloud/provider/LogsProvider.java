package dev.meshwalk.localcloud.provider;

import java.util.List;
import java.util.Set;

/** CloudWatch Logs log groups, named as in the template or generated, with their ARN. */
public final class LogsProvider extends FamilyProvider {

    public LogsProvider(LogsResources store) {
        super(store);
        kind("AWS::Logs::LogGroup", List.of(), (r, cur) -> {
            String name = cur != null ? cur.physicalId() : textOr(r, "LogGroupName", Ids.generatedName(r.stackName(), r.logicalId(), 512));
            return new Provisioned(name, attrs("Arn", arn(r, "logs", "log-group:" + name + ":*")));
        });
    }
}
