package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.service.Params;
import java.util.List;
import java.util.Map;

/** ELBv2 pagination: {@code PageSize} (1-400) and an opaque {@code Marker}, answered with {@code NextMarker}. */
final class Markers {

    private static final int MAX_PAGE = 400;

    private Markers() {
    }

    static void page(List<?> all, Params input, String member, Map<String, Object> out) {
        int size = input.integer("PageSize").orElse(MAX_PAGE);
        if (size < 1 || size > MAX_PAGE) {
            throw Elbv2Errors.validation("1 validation error detected: Value '" + size
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }
        int from = input.string("Marker").map(Markers::decode).orElse(0);
        out.put(member, all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())));
        if (from + size < all.size()) {
            out.put("NextMarker", java.util.Base64.getEncoder().encodeToString(
                    Integer.toString(from + size).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private static int decode(String marker) {
        try {
            int from = Integer.parseInt(new String(java.util.Base64.getDecoder().decode(marker),
                    java.nio.charset.StandardCharsets.UTF_8));
            if (from >= 0) {
                return from;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw Elbv2Errors.validation("Invalid Marker '" + marker + "': it was not handed out by this service");
    }
}
