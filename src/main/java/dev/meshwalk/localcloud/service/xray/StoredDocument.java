package dev.meshwalk.localcloud.service.xray;

/**
 * One accepted document: its parsed entity (a segment, or a subsegment sent on its own), the original
 * text for BatchGetTraces, and its arrival number, which orders eviction and breaks time ties.
 */
public record StoredDocument(TraceEntity entity, String document, long arrival) {

    /** What the document costs against the store's byte budget (UTF-16 text plus the parsed form, roughly). */
    long approximateBytes() {
        return 2L * document.length() + 256;
    }
}
