package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * CloudWatch's metric-alarm operations over the {@link AlarmStore}: {@code PutMetricAlarm}, {@code DescribeAlarms},
 * {@code DeleteAlarms}, {@code DescribeAlarmHistory}, {@code SetAlarmState}. Composite alarms do not exist
 * locally, so {@code CompositeAlarms} is always empty.
 */
final class AlarmOperations {

    static final Set<String> NAMES = Set.of("PutMetricAlarm", "DescribeAlarms", "DeleteAlarms", "DescribeAlarmHistory",
            "SetAlarmState");
    private static final Set<String> STATES = Set.of(AlarmState.OK, AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** DescribeAlarms and DescribeAlarmHistory: {@code MaxRecords} 1-100 (default 50). */
    private static final Paging PAGING = CloudWatchService.TOKENS.sized("MaxRecords", 50, 1, 100,
            max -> CloudWatchErrors.invalidValue("The parameter MaxRecords must be between 1 and 100."));

    private final AlarmStore store;

    AlarmOperations(AlarmStore store) {
        this.store = store;
    }

    Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "PutMetricAlarm" -> putMetricAlarm(input, context);
            case "DescribeAlarms" -> describeAlarms(input);
            case "DeleteAlarms" -> deleteAlarms(input);
            case "DescribeAlarmHistory" -> describeAlarmHistory(input);
            case "SetAlarmState" -> setAlarmState(input);
            default -> throw new IllegalArgumentException(operation + " is not an alarm operation");
        };
    }

    /** {@code arn:aws:cloudwatch:<region>:<account>:alarm:}, to which the alarm name is appended. */
    static String arnPrefix(String region, String account) {
        return AwsIds.arn("cloudwatch", region, account, "alarm:");
    }

    private Map<String, Object> putMetricAlarm(Params input, RequestContext context) {
        store.put(MetricAlarm.parse(input, arnPrefix(context.region(), context.accountId()),
                store.clock().instant()));
        return Map.of();
    }

    private Map<String, Object> describeAlarms(Params input) {
        List<String> names = input.strings("AlarmNames");
        String prefix = input.string("AlarmNamePrefix").orElse(null);
        if (!names.isEmpty() && prefix != null) {
            throw CloudWatchErrors.combination("AlarmNames and AlarmNamePrefix cannot be used together.");
        }
        String state = input.string("StateValue").orElse(null);
        if (state != null && !STATES.contains(state)) {
            throw CloudWatchErrors.invalidValue("The value " + state + " for parameter StateValue is not valid: use OK,"
                    + " ALARM or INSUFFICIENT_DATA.");
        }
        String actionPrefix = input.string("ActionPrefix").orElse(null);
        List<String> types = input.strings("AlarmTypes");
        boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
        List<Object> matched = new ArrayList<>();
        for (Map.Entry<MetricAlarm, AlarmState> e : store.alarms()) {
            MetricAlarm a = e.getKey();
            if (metricAlarms && (names.isEmpty() || names.contains(a.name()))
                    && (prefix == null || a.name().startsWith(prefix))
                    && (state == null || state.equals(e.getValue().value()))
                    && (actionPrefix == null || a.alarmActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                    || a.okActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                    || a.insufficientDataActions().stream().anyMatch(x -> x.startsWith(actionPrefix)))) {
                matched.add(a.toTree(e.getValue()));
            }
        }
        Map<String, Object> out = PAGING.answer(matched, input, "MetricAlarms");
        out.put("CompositeAlarms", List.of());
        return out;
    }

    private Map<String, Object> deleteAlarms(Params input) {
        List<String> names = input.strings("AlarmNames");
        if (names.isEmpty()) {
            throw CloudWatchErrors.missing("AlarmNames");
        }
        List<String> missing = store.delete(names);
        if (!missing.isEmpty()) {
            throw notFound("Alarm(s) " + String.join(", ", missing) + " not found (nothing was deleted).");
        }
        return Map.of();
    }

    private Map<String, Object> describeAlarmHistory(Params input) {
        String name = input.string("AlarmName").orElse(null);
        String type = input.string("HistoryItemType").orElse(null);
        if (type != null && !Set.of("ConfigurationUpdate", "StateUpdate", "Action").contains(type)) {
            throw CloudWatchErrors.invalidValue("The value " + type + " for parameter HistoryItemType is not valid: use"
                    + " ConfigurationUpdate, StateUpdate or Action.");
        }
        Instant start = input.instant("StartDate").orElse(Instant.MIN);
        Instant end = input.instant("EndDate").orElse(Instant.MAX);
        String scanBy = input.string("ScanBy").orElse("TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CloudWatchErrors.invalidValue("The value " + scanBy + " for parameter ScanBy is not valid: use"
                    + " TimestampDescending or TimestampAscending.");
        }
        List<Object> items = new ArrayList<>();
        for (AlarmStore.HistoryItem h : store.history()) {
            if ((name == null || name.equals(h.alarmName())) && (type == null || type.equals(h.type()))
                    && !h.timestamp().isBefore(start) && h.timestamp().isBefore(end)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("AlarmName", h.alarmName());
                item.put("AlarmType", "MetricAlarm");
                item.put("Timestamp", h.timestamp());
                item.put("HistoryItemType", h.type());
                item.put("HistorySummary", h.summary());
                item.put("HistoryData", h.data());
                items.add(item);
            }
        }
        if (scanBy.equals("TimestampAscending")) {
            java.util.Collections.reverse(items);
        }
        return PAGING.answer(items, input, "AlarmHistoryItems");
    }

    private Map<String, Object> setAlarmState(Params input) {
        String name = input.string("AlarmName").orElseThrow(() -> CloudWatchErrors.missing("AlarmName"));
        String value = input.string("StateValue").orElseThrow(() -> CloudWatchErrors.missing("StateValue"));
        if (!STATES.contains(value)) {
            throw CloudWatchErrors.invalidValue("The value " + value + " for parameter StateValue is not valid: use OK,"
                    + " ALARM or INSUFFICIENT_DATA.");
        }
        String reason = input.string("StateReason").orElseThrow(() -> CloudWatchErrors.missing("StateReason"));
        String data = input.string("StateReasonData").orElse(null);
        if (data != null && !data.isBlank() && !looksLikeJsonObject(data)) {
            throw new AwsError("InvalidFormat", "InvalidFormatFault", 400,
                    "The StateReasonData is not a valid JSON object: " + data);
        }
        try {
            store.setState(name, value, reason, data);
        } catch (NoSuchElementException e) {
            throw notFound("Alarm " + name + " not found");
        }
        return Map.of();
    }

    private static boolean looksLikeJsonObject(String text) {
        try {
            return JSON.readTree(text).isObject();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static AwsError notFound(String message) {
        return new AwsError("ResourceNotFound", "ResourceNotFound", 404, message);
    }

}
