package dev.meshwalk.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XrayTracePropagatorTest {
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier.get(key);
        }
    };
    private final XrayTracePropagator propagator = new XrayTracePropagator();

    private SpanContext extract(String header) {
        return Span.fromContext(propagator.extract(Context.root(), Map.of("X-Amzn-Trace-Id", header), GETTER))
                .getSpanContext();
    }

    @Test
    void readsRootParentAndSampledInAnyOrderIgnoringOtherFields() {
        SpanContext parent = extract("Self=1-67891234-12456789abcdef012345678;Sampled=1; "
                + "Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793;Lineage=a87bd80c:1");
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(parent.getSpanId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(parent.isSampled()).isTrue();
    }

    @Test
    void honoursSampledZero() {
        assertThat(extract("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0")
                .isSampled()).isFalse();
    }

    @Test
    void anUnsampledHeaderWithoutParentIsNotRecorded() {
        SpanContext parent = extract("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
        assertThat(parent.isValid()).isTrue();
        assertThat(parent.isSampled()).isFalse();
        assertThat(parent.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
    }

    @Test
    void aLoadBalancersHeaderWithoutParentStartsANewTrace() {
        assertThat(extract("Root=1-5759e988-bd862e3fe1be46a994272793").isValid()).isFalse();
    }

    @Test
    void ignoresMalformedHeaders() {
        assertThat(extract("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8").isValid()).isFalse();
        assertThat(extract("Root=1-5759e988bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8").isValid()).isFalse();
        assertThat(extract("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=xyz").isValid()).isFalse();
        assertThat(extract("garbage").isValid()).isFalse();
    }

    @Test
    void writesTheHeaderItReads() {
        SpanContext span = SpanContext.create("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8",
                TraceFlags.getSampled(), TraceState.getDefault());
        Map<String, String> headers = new HashMap<>();
        propagator.inject(Context.root().with(Span.wrap(span)), headers, Map::put);

        assertThat(headers).containsExactly(Map.entry("X-Amzn-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        assertThat(extract(headers.get("X-Amzn-Trace-Id")).getSpanId()).isEqualTo("53995c3f42cd8ad8");
    }

    @Test
    void writesNothingWithoutASpan() {
        Map<String, String> headers = new HashMap<>();
        propagator.inject(Context.root(), headers, Map::put);
        assertThat(headers).isEmpty();
    }
}
