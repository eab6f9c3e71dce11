package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;

/**
 * {@code AWS::CloudWatch::Alarm}: {@code Ref} is the alarm name (the template's {@code AlarmName} or a generated
 * {@code <stack>-<LogicalId>-<RANDOM>}), {@code Fn::GetAtt Arn} its ARN. The
 * properties are checked by the CloudWatch service listening on {@link AlarmResources}, with PutMetricAlarm's
 * own validation, so a bad alarm fails its resource with CloudWatch's message.
 */
public final class CloudWatchAlarmProvider extends FamilyProvider {

    public CloudWatchAlarmProvider(AlarmResources store) {
        super(store);
        kind(AlarmResources.ALARM, List.of("ComparisonOperator", "EvaluationPeriods"), (r, cur) -> {
            String name = cur != null ? cur.physicalId()
                    : textOr(r, "AlarmName", AwsIds.generatedName(r.stackName(), r.logicalId(), 255));
            return new Provisioned(name, attrs("Arn", arn(r, "cloudwatch", "alarm:" + name)));
        });
    }
}
