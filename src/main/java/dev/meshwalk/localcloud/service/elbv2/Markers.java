package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import java.util.List;
import java.util.Map;

/** ELBv2 pagination: {@code PageSize} (1-400) and an opaque {@code Marker}, answered with {@code NextMarker}. */
final class Markers {

    private static final int MAX_PAGE = 400;
    /** ELBv2 reads {@code Marker} and answers {@code NextMarker}: the Marker is read here, NextMarker put below. */
    private static final Paging MARKERS = Paging.base64Tokens("Marker",
                    marker -> Elbv2Errors.validation("Invalid Marker '" + marker
                            + "': it was not handed out by this service"))
            .sized("PageSize", MAX_PAGE, 1, MAX_PAGE, size -> Elbv2Errors.validation("1 validation error detected:"
                    + " Value '" + size + "' at 'pageSize' failed to satisfy constraint: Member must have value between"
                    + " 1 and " + MAX_PAGE));

    private Markers() {
    }

    static void page(List<?> all, Params input, String member, Map<String, Object> out) {
        Paging.Page<?> page = MARKERS.page(all, input);
        out.put(member, page.items());
        if (page.truncated()) {
            out.put("NextMarker", page.nextToken());
        }
    }
}
