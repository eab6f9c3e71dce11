package dev.meshwalk.localcloud.provider;

/**
 * CloudWatch alarms made by stacks. The CloudWatch service listens here, so a stack's alarm is a real alarm:
 * evaluated, listed by {@code DescribeAlarms}, and watched by ECS deployments that name it.
 */
public final class AlarmResources extends ResourceStore {

    public static final String ALARM = "AWS::CloudWatch::Alarm";
}
