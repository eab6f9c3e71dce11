package dev.meshwalk.localcloud.dataplane.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a proxy answers a call with: an upstream's answer still streaming, or a small answer of its own (an error,
 * or an upstream's error answer kept while a retry was tried).
 */
public record Reply(Upstream.Answer own, UpstreamResponse streamed) {

    public static Reply of(Upstream.Answer answer) {
        return new Reply(answer, null);
    }

    public static Reply of(UpstreamResponse response) {
        return new Reply(null, response);
    }

    public static Reply plain(int status, String text) {
        return of(Upstream.Answer.plain(status, text));
    }

    public int status() {
        return own != null ? own.status() : streamed.status();
    }

    /** Drops a streamed body nobody will read (the connection goes back to its pool). */
    public void discard() {
        if (streamed != null) {
            streamed.discard();
        }
    }

    /** Reads a streamed answer whole (only for small error answers kept across a retry). */
    public CompletableFuture<Reply> buffered() {
        if (streamed == null) {
            return CompletableFuture.completedFuture(this);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        streamed.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new java.util.ArrayList<>())
                .add(h.getValue()));
        return streamed.readAllBytes().thenApply(body -> of(new Upstream.Answer(streamed.status(), headers, body)));
    }
}
