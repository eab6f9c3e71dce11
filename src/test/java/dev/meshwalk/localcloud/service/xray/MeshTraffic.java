package dev.meshwalk.localcloud.service.xray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the segment documents that one chapter-2 request produces, as Envoy and the instrumented apps
 * send them: client → front proxy (ingress) → front → front proxy (egress) → color proxy → color.
 */
public final class MeshTraffic {

    public static final String FRONT_PROXY = "howto-basics/howto-basics-front-node";
    public static final String COLOR_PROXY = "howto-basics/howto-basics-color-node";
    public static final String PROXY = "AWS::AppMesh::Proxy";

    private final AtomicLong ids = new AtomicLong(0x1000);

    public String id() {
        return String.format(Locale.ROOT, "%016x", ids.incrementAndGet());
    }

    public String traceId(long epochSeconds) {
        return String.format(Locale.ROOT, "1-%08x-%024x", epochSeconds, ids.incrementAndGet());
    }

    /** The five documents of one /color request starting at {@code t}; color answers {@code colorStatus}. */
    public List<String> colorRequest(double t, int colorStatus) {
        return colorRequest(t, colorStatus, null);
    }

    /** As above, with the apps' segments carrying {@code origin} (null leaves it out, as the walkthrough's apps do). */
    public List<String> colorRequest(double t, int colorStatus, String appOrigin) {
        String trace = traceId((long) t);
        String ingress = id();
        String front = id();
        String call = id();
        String egress = id();
        String colorProxy = id();
        String color = id();
        List<String> docs = new ArrayList<>();
        docs.add(segment(trace, ingress, null, FRONT_PROXY, PROXY, t, t + 0.010, 200));
        docs.add(segment(trace, front, ingress, "front", appOrigin, t + 0.001, t + 0.009, 200,
                subsegment(call, "color.howto-basics.mesh.local:8080", t + 0.002, t + 0.008, colorStatus)));
        docs.add(segment(trace, egress, call, FRONT_PROXY, PROXY, t + 0.003, t + 0.007, colorStatus));
        docs.add(segment(trace, colorProxy, egress, COLOR_PROXY, PROXY, t + 0.004, t + 0.006, colorStatus));
        docs.add(segment(trace, color, colorProxy, "color", appOrigin, t + 0.0045, t + 0.0055, colorStatus));
        return docs;
    }

    /** A load-balancer health check of front through its proxy: ingress segment and front's segment. */
    public List<String> pingRequest(double t, String appOrigin) {
        String trace = traceId((long) t);
        String ingress = id();
        return List.of(segment(trace, ingress, null, FRONT_PROXY, PROXY, t, t + 0.001, 200),
                segment(trace, id(), ingress, "front", appOrigin, t + 0.0002, t + 0.0004, 200));
    }

    public static String segment(String trace, String id, String parent, String name, String origin, double start,
                          double end, int status, String... subsegments) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"trace_id\":\"").append(trace).append("\",\"id\":\"").append(id).append('"');
        if (parent != null) {
            sb.append(",\"parent_id\":\"").append(parent).append('"');
        }
        sb.append(",\"name\":\"").append(name).append('"');
        if (origin != null) {
            sb.append(",\"origin\":\"").append(origin).append('"');
        }
        sb.append(String.format(Locale.ROOT, ",\"start_time\":%.6f,\"end_time\":%.6f", start, end));
        sb.append(",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"http://x/color\"},\"response\":{\"status\":")
                .append(status).append("}}");
        sb.append(flags(status));
        if (subsegments.length > 0) {
            sb.append(",\"subsegments\":[").append(String.join(",", subsegments)).append(']');
        }
        return sb.append('}').toString();
    }

    public static String subsegment(String id, String name, double start, double end, int status) {
        return String.format(Locale.ROOT, "{\"id\":\"%s\",\"name\":\"%s\",\"namespace\":\"remote\","
                        + "\"start_time\":%.6f,\"end_time\":%.6f,\"http\":{\"request\":{\"method\":\"GET\","
                        + "\"traced\":true},\"response\":{\"status\":%d}}%s}",
                id, name, start, end, status, flags(status));
    }

    private static String flags(int status) {
        if (status >= 500) {
            return ",\"fault\":true";
        }
        if (status == 429) {
            return ",\"error\":true,\"throttle\":true";
        }
        return status >= 400 ? ",\"error\":true" : "";
    }
}
