package dev.meshwalk.localcloud.wire;

import java.util.Set;
import java.util.stream.Collectors;

/** The answer to {@code GET /}: a tiny status document so scripts can probe that the local cloud is up. */
final class HealthAnswer {

    private HealthAnswer() {
    }

    static WireResponse of(Set<String> signingNames) {
        String services = signingNames.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        return WireResponse.text(200, "application/json",
                "{\"name\":\"meshwalk local cloud\",\"status\":\"running\",\"services\":[" + services + "]}\n");
    }
}
