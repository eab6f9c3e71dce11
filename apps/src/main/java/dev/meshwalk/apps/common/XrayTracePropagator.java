package dev.meshwalk.apps.common;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the {@code X-Amzn-Trace-Id} header
 * ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}), the trace context
 * load balancers, App Mesh's Envoy and X-Ray use.
 *
 * <p>Why not the contrib {@code AwsXrayPropagator}: the only version the registry serves here
 * (1.52.0-alpha) calls an internal OpenTelemetry API that 1.68 removed and fails at runtime with
 * {@code NoSuchMethodError}. The format is small and stable, so it is implemented here, to the same rules:
 * a header without {@code Parent} (as a load balancer sends it) starts a new trace, unknown fields
 * ({@code Self=}, {@code Lineage=}) are ignored, {@code Sampled=0} is honoured and anything else samples.
 */
public final class XrayTracePropagator implements TextMapPropagator {
    public static final String HEADER = "X-Amzn-Trace-Id";
    private static final List<String> FIELDS = List.of(HEADER);
    private static final String VERSION_PREFIX = "1-";

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid() || setter == null) {
            return;
        }
        String traceId = span.getTraceId();
        setter.set(carrier, HEADER, "Root=" + VERSION_PREFIX + traceId.substring(0, 8) + "-" + traceId.substring(8)
                + ";Parent=" + span.getSpanId() + ";Sampled=" + (span.isSampled() ? "1" : "0"));
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        if (context == null) {
            context = Context.root();
        }
        if (getter == null) {
            return context;
        }
        String header = getter.get(carrier, HEADER);
        if (header == null) {
            header = getter.get(carrier, HEADER.toLowerCase(Locale.ROOT));
        }
        SpanContext parent = parse(header);
        return parent == null ? context : context.with(Span.wrap(parent));
    }

    /** The remote parent the header names, or {@code null} when it names none (or is malformed). */
    static SpanContext parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String traceId = null;
        String spanId = null;
        boolean sampled = true;
        for (String field : header.split(";")) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = field.substring(0, equals).trim();
            String value = field.substring(equals + 1).trim();
            if (key.equalsIgnoreCase("Root")) {
                traceId = traceIdOf(value);
            } else if (key.equalsIgnoreCase("Parent")) {
                spanId = SpanId.isValid(value.toLowerCase(Locale.ROOT)) ? value.toLowerCase(Locale.ROOT) : null;
            } else if (key.equalsIgnoreCase("Sampled")) {
                sampled = !value.equals("0");
            }
        }
        if (traceId != null && spanId == null && !sampled) {
            // A load balancer's untraced request (Root without Parent, Sampled=0, as an ALB health check is):
            // honour the decision. OpenTelemetry only carries a sampling decision on a parent, so the trace gets
            // a stand-in parent that is never exported; the parent-based sampler then records nothing.
            return SpanContext.createFromRemoteParent(traceId, traceId.substring(16), TraceFlags.getDefault(),
                    TraceState.getDefault());
        }
        if (traceId == null || spanId == null) {
            return null;
        }
        return SpanContext.createFromRemoteParent(traceId, spanId,
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    }

    /** {@code 1-<8 hex epoch>-<24 hex random>} as a 32-hex OpenTelemetry trace id, or {@code null}. */
    private static String traceIdOf(String root) {
        if (!root.startsWith(VERSION_PREFIX) || root.length() != 35 || root.charAt(10) != '-') {
            return null;
        }
        String traceId = (root.substring(2, 10) + root.substring(11)).toLowerCase(Locale.ROOT);
        return TraceId.isValid(traceId) ? traceId : null;
    }

    @Override
    public String toString() {
        return "XrayTracePropagator";
    }
}
