package dev.meshwalk.localcloud.dataplane.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogStoreTest {

    private final LogStore store = new LogStore(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aStreamKeepsOnlyItsNewestEvents() {
        store.createGroup("g", "arn:g", 7);
        for (int i = 0; i < LogStore.EVENTS_PER_STREAM + 5; i++) {
            store.append("g", "s", "line " + i);
        }
        LogStream stream = store.group("g").orElseThrow().stream("s").orElseThrow();
        assertThat(stream.events()).hasSize(LogStore.EVENTS_PER_STREAM);
        assertThat(stream.events().get(0).message()).isEqualTo("line 5");
        assertThat(stream.storedBytes()).isEqualTo(stream.events().stream().mapToLong(e -> e.message().length()).sum());
    }

    @Test
    void aGroupKeepsABoundedNumberOfStreams() {
        store.createGroup("g", "arn:g", null);
        for (int i = 0; i < LogStore.STREAMS_PER_GROUP + 3; i++) {
            store.append("g", "task-" + i, "started");
        }
        assertThat(store.group("g").orElseThrow().streams()).hasSize(LogStore.STREAMS_PER_GROUP);
    }

    @Test
    void linesForAGroupThatDoesNotExistAreDropped() {
        store.append("missing", "s", "lost");
        assertThat(store.groups()).isEmpty();
    }

    @Test
    void updatingAGroupKeepsItsStreams() {
        store.createGroup("g", "arn:g", 7);
        store.append("g", "s", "kept");
        store.createGroup("g", "arn:g", 14);
        assertThat(store.group("g").orElseThrow().retentionDays()).isEqualTo(14);
        assertThat(store.group("g").orElseThrow().stream("s")).isPresent();
    }
}
