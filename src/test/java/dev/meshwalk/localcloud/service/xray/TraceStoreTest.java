package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceStoreTest {

    private final SegmentParser parser = new SegmentParser();
    private final MeshTraffic traffic = new MeshTraffic();

    @Test
    void overTheDocumentBudgetWholeOldestTracesAreDroppedFirst() throws Exception {
        TraceStore store = new TraceStore(12, Long.MAX_VALUE);
        List<String> first = traffic.colorRequest(1000, 200);
        List<String> second = traffic.colorRequest(1001, 200);
        List<String> third = traffic.colorRequest(1002, 200);
        for (List<String> request : List.of(first, second, third)) {
            for (String doc : request) {
                store.put(parser.parse(doc), doc);
            }
        }

        assertThat(store.documentCount()).isEqualTo(10);
        assertThat(store.evictedTraces()).isEqualTo(1);
        String firstTrace = parser.parse(first.get(0)).traceId();
        String thirdTrace = parser.parse(third.get(0)).traceId();
        List<StoredDocument> firstDocs = store.read(v -> List.copyOf(v.trace(firstTrace)));
        List<StoredDocument> thirdDocs = store.read(v -> List.copyOf(v.trace(thirdTrace)));
        int inWindow = store.read(v -> v.segmentsStartingBetween(0, 5000).size());
        assertThat(firstDocs).isEmpty();
        assertThat(thirdDocs).hasSize(5);
        assertThat(inWindow).isEqualTo(10);
    }

    @Test
    void aStoreSizedForAHeapKeepsAnEighthOfItInTextWithinFixedBounds() {
        long mb = 1024 * 1024;
        assertThat(TraceStore.forHeap(384 * mb).maxBytes()).as("the local cloud's -Xmx384m").isEqualTo(48 * mb);
        assertThat(TraceStore.forHeap(16L * 1024 * mb).maxBytes()).as("a default-sized heap on a big machine")
                .isEqualTo(TraceStore.DEFAULT_MAX_BYTES);
        assertThat(TraceStore.forHeap(32 * mb).maxBytes()).as("a tiny heap still keeps a few minutes").isEqualTo(8 * mb);
    }

    @Test
    void theByteBudgetAlsoEvicts() throws Exception {
        TraceStore store = new TraceStore(Integer.MAX_VALUE, 20_000);
        for (int i = 0; i < 20; i++) {
            for (String doc : traffic.colorRequest(1000 + i, 200)) {
                store.put(parser.parse(doc), doc);
            }
        }
        assertThat(store.evictedTraces()).isPositive();
        assertThat(store.documentCount()).isLessThan(20 * 5).isPositive();
    }
}
