package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import java.util.List;
import java.util.Map;

/** ECS list pagination: {@code maxResults} (1 to the operation's maximum) and an opaque {@code nextToken}. */
final class Pages {

    private static final Paging TOKENS = Paging.base64Tokens("nextToken",
            token -> EcsErrors.invalidParameter("Invalid nextToken: it was not handed out by this service."));

    private Pages() {
    }

    /** Puts one page of {@code all} under {@code member} into {@code out}, and {@code nextToken} when more follow. */
    static void page(List<?> all, Params input, int defaultMax, int limit, String member, Map<String, Object> out) {
        TOKENS.sized("maxResults", defaultMax, 1, limit,
                        max -> EcsErrors.invalidParameter("maxResults must be between 1 and " + limit + "."))
                .put(all, input, member, out);
    }
}
