package dev.meshwalk.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON answer of {@code aws xray get-service-graph} (or of the API itself) into a {@link ServiceGraph}.
 *
 * <p>Why a tree walk and not data binding: a learner's saved file may be cut short, edited or the answer of a
 * different command, and each such case deserves a message that names the field and the fix. Timestamps are
 * accepted both as epoch seconds (the API) and as ISO-8601 text (the AWS CLI's default output).
 * Unknown fields are ignored, as AWS adds members over time.
 */
public final class ServiceGraphReader {

    private static final String HOW_TO_SAVE = "Save the answer unchanged, for example: aws xray get-service-graph "
            + "--start-time $(date -d '-5 min' +%s) --end-time $(date +%s) > answer.json";

    /**
     * Jackson's message without the parser's own pointer into its input ("(start marker at [Source: REDACTED
     * ...])"): the line and column are already said, in the learner's terms.
     */
    private static String withoutParserSource(String message) {
        return message.replaceAll("\\s*\\(?start marker at \\[Source:.*$", "").replaceAll("\\s*at \\[Source:.*$", "");
    }

    /** Reads a whole document; the stream is not closed. */
    public ServiceGraph read(InputStream json) throws ServiceGraphFormatException {
        JsonNode root;
        try {
            root = JsonTree.read(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ServiceGraphFormatException("", "this is not valid JSON" + where + " ("
                    + withoutParserSource(e.getOriginalMessage()) + "). " + HOW_TO_SAVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root);
    }

    /** Reads a document from text. */
    public ServiceGraph read(String json) throws ServiceGraphFormatException {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private ServiceGraph read(JsonNode root) throws ServiceGraphFormatException {
        if (root == null || root.isMissingNode()) {
            throw new ServiceGraphFormatException("", "the file is empty. " + HOW_TO_SAVE);
        }
        if (!root.isObject()) {
            throw new ServiceGraphFormatException("", "expected a JSON object with a \"Services\" list, found "
                    + describe(root) + ". " + HOW_TO_SAVE);
        }
        JsonNode services = root.get("Services");
        if (services == null || services.isNull()) {
            throw new ServiceGraphFormatException("", "there is no \"Services\" list, so this is not the answer of "
                    + "get-service-graph (found the fields " + fieldNames(root) + "). " + HOW_TO_SAVE);
        }
        if (!services.isArray()) {
            throw new ServiceGraphFormatException("Services", "expected a list of services, found " + describe(services));
        }
        Instant start = instant(root, "StartTime", "");
        Instant end = instant(root, "EndTime", "");
        TimeWindow window = null;
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                throw new ServiceGraphFormatException("EndTime", "the window ends (" + end + ") before it starts ("
                        + start + "); fix StartTime or EndTime");
            }
            window = new TimeWindow(start, end);
        }

        List<ServiceNode> nodes = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            String path = "Services[" + i + "]";
            ServiceNode node = node(services.get(i), path);
            if (!ids.add(node.referenceId())) {
                throw new ServiceGraphFormatException(path + ".ReferenceId", "the reference id " + node.referenceId()
                        + " is used by two services; each service needs its own");
            }
            nodes.add(node);
        }
        for (int i = 0; i < nodes.size(); i++) {
            List<ServiceEdge> edges = nodes.get(i).edges();
            for (int j = 0; j < edges.size(); j++) {
                if (!ids.contains(edges.get(j).targetId())) {
                    throw new ServiceGraphFormatException("Services[" + i + "].Edges[" + j + "].ReferenceId",
                            "the edge points at reference id " + edges.get(j).targetId() + ", but no service has it; "
                            + "the file may be cut short or come from two different answers");
                }
            }
        }
        return new ServiceGraph(window, nodes);
    }

    private ServiceNode node(JsonNode s, String path) throws ServiceGraphFormatException {
        if (!s.isObject()) {
            throw new ServiceGraphFormatException(path, "expected a service object, found " + describe(s));
        }
        Integer id = integer(s, "ReferenceId", path);
        if (id == null) {
            throw new ServiceGraphFormatException(path + ".ReferenceId",
                    "missing; every service needs the id its callers' edges point at");
        }
        String name = text(s, "Name", path);
        List<String> names = texts(s, "Names", path);
        if (name == null) {
            name = names.isEmpty() ? "#" + id : names.get(0);
        }
        JsonNode edgesNode = s.get("Edges");
        List<ServiceEdge> edges = new ArrayList<>();
        if (edgesNode != null && !edgesNode.isNull()) {
            if (!edgesNode.isArray()) {
                throw new ServiceGraphFormatException(path + ".Edges", "expected a list of edges, found "
                        + describe(edgesNode));
            }
            for (int j = 0; j < edgesNode.size(); j++) {
                edges.add(edge(edgesNode.get(j), path + ".Edges[" + j + "]"));
            }
        }
        JsonNode rootFlag = s.get("Root");
        if (rootFlag != null && !rootFlag.isNull() && !rootFlag.isBoolean()) {
            throw new ServiceGraphFormatException(path + ".Root", "expected true or false, found " + describe(rootFlag));
        }
        return new ServiceNode(id, name, names, text(s, "Type", path), text(s, "State", path),
                rootFlag != null && rootFlag.asBoolean(false),
                instant(s, "StartTime", path), instant(s, "EndTime", path),
                stats(s.get("SummaryStatistics"), path + ".SummaryStatistics"),
                histogram(s.get("ResponseTimeHistogram"), path + ".ResponseTimeHistogram"), edges);
    }

    private ServiceEdge edge(JsonNode e, String path) throws ServiceGraphFormatException {
        if (!e.isObject()) {
            throw new ServiceGraphFormatException(path, "expected an edge object, found " + describe(e));
        }
        Integer target = integer(e, "ReferenceId", path);
        if (target == null) {
            throw new ServiceGraphFormatException(path + ".ReferenceId",
                    "missing; an edge must name the reference id of the service it calls");
        }
        return new ServiceEdge(target, instant(e, "StartTime", path), instant(e, "EndTime", path),
                stats(e.get("SummaryStatistics"), path + ".SummaryStatistics"),
                histogram(e.get("ResponseTimeHistogram"), path + ".ResponseTimeHistogram"));
    }

    private Stats stats(JsonNode s, String path) throws ServiceGraphFormatException {
        if (s == null || s.isNull()) {
            return Stats.NONE;
        }
        if (!s.isObject()) {
            throw new ServiceGraphFormatException(path, "expected an object of counts, found " + describe(s));
        }
        long ok = count(s, "OkCount", path);
        long throttles = 0;
        long otherErrors = 0;
        JsonNode errors = s.get("ErrorStatistics");
        if (errors != null && !errors.isNull()) {
            String ep = path + ".ErrorStatistics";
            if (!errors.isObject()) {
                throw new ServiceGraphFormatException(ep, "expected an object of counts, found " + describe(errors));
            }
            throttles = count(errors, "ThrottleCount", ep);
            otherErrors = errors.has("OtherCount") ? count(errors, "OtherCount", ep)
                    : Math.max(0, count(errors, "TotalCount", ep) - throttles);
        }
        long faults = 0;
        JsonNode faultStats = s.get("FaultStatistics");
        if (faultStats != null && !faultStats.isNull()) {
            String fp = path + ".FaultStatistics";
            if (!faultStats.isObject()) {
                throw new ServiceGraphFormatException(fp, "expected an object of counts, found " + describe(faultStats));
            }
            faults = faultStats.has("TotalCount") ? count(faultStats, "TotalCount", fp) : count(faultStats, "OtherCount", fp);
        }
        long total = s.has("TotalCount") ? count(s, "TotalCount", path) : ok + otherErrors + throttles + faults;
        double seconds = 0;
        JsonNode t = s.get("TotalResponseTime");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || t.asDouble() < 0) {
                throw new ServiceGraphFormatException(path + ".TotalResponseTime",
                        "expected a number of seconds (0 or more), found " + describe(t));
            }
            seconds = t.asDouble();
        }
        return new Stats(ok, otherErrors, throttles, faults, total, seconds);
    }

    private List<HistogramBin> histogram(JsonNode h, String path) throws ServiceGraphFormatException {
        List<HistogramBin> bins = new ArrayList<>();
        if (h == null || h.isNull()) {
            return bins;
        }
        if (!h.isArray()) {
            throw new ServiceGraphFormatException(path, "expected a list of {Value, Count} entries, found " + describe(h));
        }
        for (int i = 0; i < h.size(); i++) {
            JsonNode entry = h.get(i);
            String ep = path + "[" + i + "]";
            if (!entry.isObject()) {
                throw new ServiceGraphFormatException(ep, "expected a {Value, Count} entry, found " + describe(entry));
            }
            JsonNode value = entry.get("Value");
            if (value == null || !value.isNumber()) {
                throw new ServiceGraphFormatException(ep + ".Value", "expected a number of seconds, found "
                        + describe(value));
            }
            bins.add(new HistogramBin(value.asDouble(), count(entry, "Count", ep)));
        }
        return bins;
    }

    private static long count(JsonNode parent, String field, String path) throws ServiceGraphFormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new ServiceGraphFormatException(path + "." + field, "expected a whole number of requests (0 or more), found "
                    + describe(v));
        }
        return v.asLong();
    }

    private static Integer integer(JsonNode parent, String field, String path) throws ServiceGraphFormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ServiceGraphFormatException(path + "." + field, "expected a whole number, found " + describe(v));
        }
        return v.asInt();
    }

    private static String text(JsonNode parent, String field, String path) throws ServiceGraphFormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ServiceGraphFormatException(path + "." + field, "expected text, found " + describe(v));
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode parent, String field, String path) throws ServiceGraphFormatException {
        List<String> out = new ArrayList<>();
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ServiceGraphFormatException(path + "." + field, "expected a list of names, found " + describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new ServiceGraphFormatException(path + "." + field + "[" + i + "]", "expected text, found "
                        + describe(v.get(i)));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** Epoch seconds (the API: {@code 1732550400.123}) or ISO-8601 text (the AWS CLI's default). */
    private static Instant instant(JsonNode parent, String field, String path) throws ServiceGraphFormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String where = path.isEmpty() ? field : path + "." + field;
        if (v.isNumber()) {
            BigDecimal seconds = v.decimalValue();
            try {
                long whole = seconds.longValueExact() ;
                return Instant.ofEpochSecond(whole);
            } catch (ArithmeticException fraction) {
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole, nanos);
            }
        }
        if (v.isTextual()) {
            try {
                return OffsetDateTime.parse(v.asText()).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(v.asText());
                } catch (DateTimeParseException e2) {
                    throw new ServiceGraphFormatException(where, "expected epoch seconds or an ISO-8601 time such as "
                            + "2024-11-25T16:00:00+00:00, found " + describe(v));
                }
            }
        }
        throw new ServiceGraphFormatException(where, "expected a time (epoch seconds or ISO-8601 text), found "
                + describe(v));
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String kind = v.isObject() ? "an object" : v.isArray() ? "a list" : v.isTextual() ? "the text"
                : v.isBoolean() ? "the boolean" : v.isNull() ? "null" : "the number";
        if (v.isObject() || v.isArray() || v.isNull()) {
            return kind;
        }
        String shown = v.toString();
        return kind + " " + (shown.length() > 40 ? shown.substring(0, 37) + "..." : shown);
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names.subList(0, Math.min(names.size(), 6)));
    }
}
