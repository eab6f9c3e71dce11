package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An export's segments are checked on any thread but stored in span order on the receiving thread. */
class OrderedTranslationTest {

    private static OtlpSpan span(int i) {
        return new OtlpSpan("5759e988bd862e3fe1be46a994272793", String.format("%016x", i + 1), null,
                i == 7 ? "refuse-me" : "GET /color", OtlpSpan.KIND_SERVER, 1_000_000_000L, 1_100_000_000L, 0, "",
                Map.of(), Map.of("service.name", i == 7 ? "refuse-me" : "front"));
    }

    private static boolean translateThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("telemetry-otlp-translate-") && t.isAlive());
    }

    @Test
    void documentsAreStoredInSpanOrderOnTheCallingThreadAndRefusalsKeepTheirPlace() throws Exception {
        List<String> stored = new ArrayList<>();
        List<String> storingThreads = new CopyOnWriteArrayList<>();
        SegmentSink sink = new SegmentSink() {
            @Override
            public void accept(String document) {
                check(document).store();
            }

            @Override
            public Checked check(String document) {
                if (document.contains("refuse-me")) {
                    throw new IllegalArgumentException("InvalidSegment: refused for the test");
                }
                return () -> {
                    storingThreads.add(Thread.currentThread().getName());
                    stored.add(document.replaceAll(".*\"id\":\"([0-9a-f]+)\".*", "$1"));
                };
            }
        };
        List<OtlpSpan> spans = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            spans.add(span(i));
        }
        List<String> refusals = new ArrayList<>();
        int[] position = {0};

        try (OrderedTranslation translation = new OrderedTranslation(new SpanToSegment(null), sink)) {
            translation.translate(spans, result -> {
                int i = position[0]++;
                if (result.refusal() != null) {
                    refusals.add(i + ": " + result.refusal().getMessage());
                } else {
                    result.checked().store();
                }
            });
        }

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            if (i != 7) {
                expected.add(String.format("%016x", i + 1));
            }
        }
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(storingThreads).containsOnly(Thread.currentThread().getName());
        assertThat(refusals).containsExactly("7: InvalidSegment: refused for the test");
    }

    @Test
    void closingLeavesNoHelperThread() throws Exception {
        OrderedTranslation translation = new OrderedTranslation(new SpanToSegment(null), doc -> { });
        List<OtlpSpan> spans = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            spans.add(span(i + 10));
        }
        translation.translate(spans, result -> { });

        translation.close();

        assertThat(translateThreadAlive()).isFalse();
    }
}
