package dev.meshwalk.localcloud.provider;

/** CloudWatch dashboards made by stacks; the CloudWatch service can list them from here. */
public final class DashboardResources extends ResourceStore {

    public static final String DASHBOARD = "AWS::CloudWatch::Dashboard";
}
