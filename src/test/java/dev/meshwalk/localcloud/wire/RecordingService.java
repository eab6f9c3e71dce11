package dev.meshwalk.localcloud.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;

/**
 * A small service for wire tests: fixed outputs that exercise every value kind, an echo of the decoded
 * input, modelled and unexpected failures. It records the last call so tests can check decoding.
 */
final class RecordingService implements AwsService, AutoCloseable {

    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.678Z");

    private final String signingName;
    final AtomicReference<Params> lastInput = new AtomicReference<>();
    final AtomicReference<RequestContext> lastContext = new AtomicReference<>();
    final AtomicReference<String> lastOperation = new AtomicReference<>();
    volatile boolean closed;

    RecordingService(String signingName) {
        this.signingName = signingName;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public Set<String> operations() {
        return Set.of("DescribeStacks", "CreateChangeSet", "DeleteStack", "Echo", "Fail", "FailNotFound", "FailServer", "Boom",
                "ListDashboards", "GetDashboard", "PutMetricData", "DeleteDashboards", "GetMetricData",
                "GetServiceGraph", "PutTraceSegments", "GetTraceSummaries", "BatchGetTraces");
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        lastOperation.set(operation);
        lastInput.set(input);
        lastContext.set(context);
        switch (operation) {
            case "DescribeStacks":
                if (input.string("StackName").orElse("").equals("s9")) {
                    throw AwsError.validation("Stack with id s9 does not exist");
                }
                return describeStacks();
            case "DeleteStack":
            case "PutMetricData":
            case "DeleteDashboards":
                return Map.of();
            case "Echo":
                return map("Input", input.tree(), "Region", context.region());
            case "Fail":
                throw AwsError.validation("Stack with id s9 does not exist");
            case "FailNotFound":
            case "GetDashboard":
                throw new AwsError("ResourceNotFound", "DashboardNotFoundError", 404, "Dashboard d9 does not exist");
            case "FailServer":
                throw new AwsError("InternalServiceError", "InternalServiceFault", 500, "it broke");
            case "Boom":
                throw new IllegalStateException("secret internals");
            case "ListDashboards":
                return map("DashboardEntries", List.of(map("DashboardName", "d1",
                        "DashboardArn", "arn:aws:cloudwatch::000000000000:dashboard/d1",
                        "LastModified", Instant.ofEpochSecond(1704164645), "Size", 12L)));
            case "GetMetricData":
                return map("MetricDataResults", List.of(map("Id", "m1", "Label", "Latency",
                        "Timestamps", List.of(Instant.ofEpochSecond(1704164640), Instant.ofEpochMilli(1704164700500L)),
                        "Values", List.of(1.5, 2.0), "StatusCode", "Complete")), "Messages", List.of());
            case "GetServiceGraph":
                return map("StartTime", Instant.ofEpochSecond(1704153600), "EndTime", Instant.ofEpochSecond(1704157200),
                        "Services", List.of(map("ReferenceId", 0, "Name", "front", "Type", "AWS::ECS::Container",
                                "Edges", List.of(), "SummaryStatistics", map("OkCount", 10L, "TotalCount", 10L,
                                        "TotalResponseTime", 0.25))),
                        "ContainsOldGroupVersions", false);
            case "PutTraceSegments":
                return map("UnprocessedTraceSegments", List.of());
            default:
                return map("Operation", operation);
        }
    }

    private static Map<String, Object> describeStacks() {
        Map<String, Object> stack = map(
                "StackId", "arn:aws:cloudformation:us-east-1:000000000000:stack/s1/id",
                "StackName", "s1",
                "Description", "a <b> & \"c\"",
                "CreationTime", CREATED,
                "LastUpdatedTime", null,
                "StackStatus", "CREATE_COMPLETE",
                "Parameters", List.of(map("ParameterKey", "Env", "ParameterValue", "dev")),
                "NotificationARNs", List.of(),
                "DisableRollback", false,
                "Outputs", List.of(map("OutputKey", "Url", "OutputValue", "http://x/?a=1&b=2")),
                "Ratio", 0.5,
                "Count", 3);
        return map("Stacks", List.of(stack));
    }

    /** An insertion-ordered map that, unlike Map.of, keeps order and allows null values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    @Override
    public void close() {
        closed = true;
    }
}
