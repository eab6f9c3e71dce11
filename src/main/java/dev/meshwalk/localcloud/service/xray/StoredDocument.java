package dev.meshwalk.localcloud.service.xray;

/**
 * One accepted document: its parsed entity (a segment, or a subsegment sent on its own), the original
 * text for BatchGetTraces, its arrival number, which orders eviction and breaks time ties, and the trace
 * that holds it, so queries resolve ids in that trace without looking it up again.
 */
public record StoredDocument(TraceEntity entity, String document, long arrival, TraceStore.Trace trace) {

    /** What the document costs against the store's byte budget (UTF-16 text plus the parsed form, roughly). */
    long approximateBytes() {
        return 2L * document.length() + 256;
    }
}
