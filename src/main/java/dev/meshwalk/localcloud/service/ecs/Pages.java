package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.service.Params;
import java.util.List;
import java.util.Map;

/** ECS list pagination: {@code maxResults} (1 to the operation's maximum) and an opaque {@code nextToken}. */
final class Pages {

    private Pages() {
    }

    /** Puts one page of {@code all} under {@code member} into {@code out}, and {@code nextToken} when more follow. */
    static void page(List<?> all, Params input, int defaultMax, int limit, String member, Map<String, Object> out) {
        int max = input.integer("maxResults").orElse(defaultMax);
        if (max < 1 || max > limit) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + limit + ".");
        }
        int from = 0;
        String token = input.string("nextToken").orElse(null);
        if (token != null) {
            try {
                from = Integer.parseInt(new String(java.util.Base64.getDecoder().decode(token),
                        java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EcsErrors.invalidParameter("Invalid nextToken: it was not handed out by this service.");
            }
            if (from < 0) {
                throw EcsErrors.invalidParameter("Invalid nextToken: it was not handed out by this service.");
            }
        }
        out.put(member, all.subList(Math.min(from, all.size()), Math.min(from + max, all.size())));
        if (from + max < all.size()) {
            out.put("nextToken", java.util.Base64.getEncoder().encodeToString(
                    Integer.toString(from + max).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
