package dev.meshwalk.localcloud.service.logs;

import dev.meshwalk.localcloud.dataplane.logs.LogEvent;
import dev.meshwalk.localcloud.dataplane.logs.LogGroup;
import dev.meshwalk.localcloud.dataplane.logs.LogStore;
import dev.meshwalk.localcloud.dataplane.logs.LogStream;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudWatch Logs' read API (JSON 1.1, target prefix {@code Logs_20140328}) over the log store the containers'
 * {@code awslogs} driver writes to: groups, streams, {@code GetLogEvents} with forward and backward tokens, and
 * {@code FilterLogEvents} across streams with filter patterns, which is what {@code aws logs tail --follow} polls.
 * Times are epoch milliseconds, as in the model.
 */
public final class LogsApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("DescribeLogGroups", "DescribeLogStreams", "GetLogEvents",
            "FilterLogEvents");

    /** DescribeLogGroups/Streams: {@code limit} 1-50 (default 50); {@code nextToken} the decimal offset. */
    private static final Paging PAGING = Paging.decimalTokens("nextToken",
                    token -> invalid("The specified nextToken is invalid."))
            .sized("limit", 50, 1, 50, limit -> invalid("limit must be between 1 and 50"));

    private final LogStore store;

    public LogsApiService(LogStore store) {
        this.store = store;
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "DescribeLogGroups" -> describeGroups(input);
            case "DescribeLogStreams" -> describeStreams(input);
            case "GetLogEvents" -> LogEventPages.get(stream(group(input), input.required("logStreamName")), input);
            case "FilterLogEvents" -> LogEventPages.filter(group(input), input);
            default -> throw new IllegalArgumentException(operation + " is not a CloudWatch Logs operation here");
        };
    }

    private Map<String, Object> describeGroups(Params input) {
        String prefix = input.string("logGroupNamePrefix").orElse("");
        String pattern = input.string("logGroupNamePattern").orElse(null);
        if (!prefix.isEmpty() && pattern != null) {
            throw invalid("logGroupNamePrefix and logGroupNamePattern cannot be used together");
        }
        List<Map<String, Object>> groups = store.groups().stream()
                .filter(g -> g.name().startsWith(prefix))
                .filter(g -> pattern == null || g.name().toLowerCase().contains(pattern.toLowerCase()))
                .map(LogsApiService::groupView).toList();
        return PAGING.answer(groups, input, "logGroups");
    }

    private Map<String, Object> describeStreams(Params input) {
        LogGroup group = group(input);
        String prefix = input.string("logStreamNamePrefix").orElse("");
        String order = input.string("orderBy").orElse("LogStreamName");
        if (!order.equals("LogStreamName") && !order.equals("LastEventTime")) {
            throw invalid("orderBy must be LogStreamName or LastEventTime, not " + order);
        }
        if (order.equals("LastEventTime") && !prefix.isEmpty()) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Comparator<LogStream> comparator = order.equals("LogStreamName") ? Comparator.comparing(LogStream::name)
                : Comparator.comparing(s -> s.lastEventAt() == null ? Instant.EPOCH : s.lastEventAt());
        if (input.bool("descending").orElse(false)) {
            comparator = comparator.reversed();
        }
        List<Map<String, Object>> streams = group.streams().stream().filter(s -> s.name().startsWith(prefix)).sorted(comparator)
                .map(s -> streamView(group, s)).toList();
        return PAGING.answer(streams, input, "logStreams");
    }

    /** The group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN). */
    private LogGroup group(Params input) {
        String name = input.string("logGroupName").orElse(null);
        String identifier = input.string("logGroupIdentifier").orElse(null);
        if (name != null && identifier != null) {
            throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw invalid("Either logGroupName or logGroupIdentifier is required.");
        }
        String wanted = name != null ? name : groupNameOf(identifier);
        return store.group(wanted).orElseThrow(() -> notFound("The specified log group does not exist."));
    }

    private static String groupNameOf(String identifier) {
        if (!identifier.startsWith("arn:")) {
            return identifier;
        }
        String afterType = identifier.substring(identifier.indexOf("log-group:") + "log-group:".length());
        return afterType.endsWith(":*") ? afterType.substring(0, afterType.length() - 2) : afterType;
    }

    private static LogStream stream(LogGroup group, String name) {
        return group.stream(name).orElseThrow(() -> notFound("The specified log stream does not exist."));
    }

    private static Map<String, Object> groupView(LogGroup g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logGroupName", g.name());
        out.put("creationTime", g.createdAt().toEpochMilli());
        if (g.retentionDays() != null) {
            out.put("retentionInDays", g.retentionDays());
        }
        out.put("metricFilterCount", 0);
        out.put("arn", g.arn());
        out.put("storedBytes", g.storedBytes());
        out.put("logGroupClass", "STANDARD");
        out.put("logGroupArn", g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn());
        return out;
    }

    private static Map<String, Object> streamView(LogGroup group, LogStream s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logStreamName", s.name());
        out.put("creationTime", s.createdAt().toEpochMilli());
        if (s.firstEventAt() != null) {
            out.put("firstEventTimestamp", s.firstEventAt().toEpochMilli());
            out.put("lastEventTimestamp", s.lastEventAt().toEpochMilli());
            out.put("lastIngestionTime", s.lastIngestionAt().toEpochMilli());
        }
        String groupArn = group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2) : group.arn();
        out.put("arn", groupArn + ":log-stream:" + s.name());
        out.put("storedBytes", s.storedBytes());
        return out;
    }

    static AwsError invalid(String message) {
        return new AwsError("InvalidParameterException", "InvalidParameterException", 400, message);
    }

    static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", "ResourceNotFoundException", 400, message);
    }

    /** An event's id as the API shows it: its sequence, zero-padded like AWS's 56-digit ids. */
    static String eventId(LogEvent event) {
        return String.format("%056d", event.sequence());
    }
}
