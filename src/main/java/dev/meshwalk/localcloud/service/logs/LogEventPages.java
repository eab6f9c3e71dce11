package dev.meshwalk.localcloud.service.logs;

import dev.meshwalk.localcloud.dataplane.logs.LogEvent;
import dev.meshwalk.localcloud.dataplane.logs.LogGroup;
import dev.meshwalk.localcloud.dataplane.logs.LogStream;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two event reads and their tokens. {@code GetLogEvents}: {@code f/<sequence>} continues after an event,
 * {@code b/<sequence>} before one; when nothing newer exists the forward token comes back unchanged, which is how the
 * SDK's and botocore's paginators know they reached the end. {@code FilterLogEvents}: events of the group's streams
 * in time order, the token naming the last event handed out, so events appended meanwhile still follow it.
 */
final class LogEventPages {

    private static final int MAX_EVENTS = 10_000;

    private LogEventPages() {
    }

    static Map<String, Object> get(LogStream stream, Params input) {
        int limit = limit(input);
        List<LogEvent> events = window(stream.events(), input);
        String token = input.string("nextToken").orElse(null);
        List<LogEvent> page;
        long lastSequence = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        if (token != null) {
            long position = tokenSequence(token);
            if (token.startsWith("f/")) {
                page = events.stream().filter(e -> e.sequence() > position).limit(limit).toList();
                lastSequence = position;
            } else {
                List<LogEvent> before = events.stream().filter(e -> e.sequence() < position).toList();
                page = before.subList(Math.max(0, before.size() - limit), before.size());
            }
        } else if (input.bool("startFromHead").orElse(false)) {
            page = events.subList(0, Math.min(limit, events.size()));
        } else {
            page = events.subList(Math.max(0, events.size() - limit), events.size());
        }
        List<Object> out = new ArrayList<>();
        for (LogEvent e : page) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("timestamp", e.timestamp().toEpochMilli());
            event.put("message", e.message());
            event.put("ingestionTime", e.ingestionTime().toEpochMilli());
            out.add(event);
        }
        long forward = page.isEmpty() ? lastSequence : page.get(page.size() - 1).sequence();
        long backward = page.isEmpty() ? (token != null ? tokenSequence(token) : 0) : page.get(0).sequence();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", out);
        answer.put("nextForwardToken", "f/" + forward);
        answer.put("nextBackwardToken", "b/" + backward);
        return answer;
    }

    static Map<String, Object> filter(LogGroup group, Params input) {
        int limit = limit(input);
        List<String> names = input.strings("logStreamNames");
        String prefix = input.string("logStreamNamePrefix").orElse(null);
        if (!names.isEmpty() && prefix != null) {
            throw LogsApiService.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive");
        }
        FilterPattern pattern = FilterPattern.parse(input.string("filterPattern").orElse(""));
        List<LogStream> streams = group.streams().stream()
                .filter(s -> names.isEmpty() || names.contains(s.name()))
                .filter(s -> prefix == null || s.name().startsWith(prefix)).toList();
        record Found(String stream, LogEvent event) {
        }
        List<Found> found = new ArrayList<>();
        for (LogStream s : streams) {
            window(s.events(), input).stream().filter(e -> pattern.matches(e.message()))
                    .forEach(e -> found.add(new Found(s.name(), e)));
        }
        found.sort(Comparator.comparing((Found f) -> f.event().timestamp()).thenComparingLong(f -> f.event().sequence()));
        String token = input.string("nextToken").orElse(null);
        int start = 0;
        if (token != null) {
            long after = tokenSequence(token);
            int at = -1;
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).event().sequence() == after) {
                    at = i;
                }
            }
            start = at + 1;
        }
        List<Found> page = found.subList(Math.min(start, found.size()), Math.min(start + limit, found.size()));
        List<Object> events = new ArrayList<>();
        for (Found f : page) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("logStreamName", f.stream());
            event.put("timestamp", f.event().timestamp().toEpochMilli());
            event.put("message", f.event().message());
            event.put("ingestionTime", f.event().ingestionTime().toEpochMilli());
            event.put("eventId", LogsApiService.eventId(f.event()));
            events.add(event);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", events);
        answer.put("searchedLogStreams", streams.stream()
                .map(s -> (Object) Map.of("logStreamName", s.name(), "searchedCompletely", true)).toList());
        if (start + limit < found.size()) {
            answer.put("nextToken", "e/" + page.get(page.size() - 1).event().sequence());
        }
        return answer;
    }

    /** Events within {@code startTime} (inclusive) and {@code endTime} (exclusive), epoch milliseconds. */
    private static List<LogEvent> window(List<LogEvent> events, Params input) {
        long start = input.dbl("startTime").map(Double::longValue).orElse(Long.MIN_VALUE);
        long end = input.dbl("endTime").map(Double::longValue).orElse(Long.MAX_VALUE);
        return events.stream().filter(e -> e.timestamp().toEpochMilli() >= start && e.timestamp().toEpochMilli() < end)
                .toList();
    }

    private static int limit(Params input) {
        int limit = input.integer("limit").orElse(MAX_EVENTS);
        if (limit < 1 || limit > MAX_EVENTS) {
            throw LogsApiService.invalid("limit must be between 1 and " + MAX_EVENTS);
        }
        return limit;
    }

    private static long tokenSequence(String token) {
        if (token.length() > 2 && token.charAt(1) == '/') {
            try {
                return Long.parseLong(token.substring(2));
            } catch (NumberFormatException notOurs) {
                // fall through
            }
        }
        throw LogsApiService.invalid("The specified nextToken is invalid.");
    }
}
