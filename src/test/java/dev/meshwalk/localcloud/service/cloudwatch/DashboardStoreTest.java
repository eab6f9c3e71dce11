package dev.meshwalk.localcloud.service.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardStoreTest {

    @TempDir
    Path dir;

    @Test
    void dashboardsPutInOneRunAreThereInTheNextAndRemovedOnesStayGone() {
        Path file = dir.resolve("dashboards.json");
        DashboardStore first = new DashboardStore();
        assertThat(first.saveIn(file)).isEmpty();
        first.put(new DashboardStore.Dashboard("front-node", "{\"widgets\":[]}", Instant.parse("2026-12-02T20:00:00Z")));
        first.put(new DashboardStore.Dashboard("color-node", "{}", Instant.parse("2026-12-02T20:01:00Z")));
        first.remove(List.of("color-node"));

        DashboardStore next = new DashboardStore();
        assertThat(next.saveIn(file)).isEmpty();
        assertThat(next.all()).containsExactly(
                new DashboardStore.Dashboard("front-node", "{\"widgets\":[]}", Instant.parse("2026-12-02T20:00:00Z")));
    }

    @Test
    void aDamagedFileIsKeptAsideAndNamedNotDropped() throws IOException {
        Path file = dir.resolve("dashboards.json");
        Files.writeString(file, "{\"version\":1,\"dash");
        DashboardStore store = new DashboardStore();
        assertThat(store.saveIn(file)).hasValueSatisfying(n -> assertThat(n).contains("could not be read")
                .contains("dashboards.json.unreadable-"));
        assertThat(store.all()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("dashboards.json.unreadable-")))
                    .singleElement().satisfies(p -> assertThat(p).hasContent("{\"version\":1,\"dash"));
        }
    }
}
