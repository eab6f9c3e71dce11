package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service's event log as {@code DescribeServices} shows it: the latest {@value #MAX_EVENTS}, newest first. */
final class ServiceEvents {

    private static final int MAX_EVENTS = 100;

    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();

    void add(String message) {
        events.add(new ServiceEvent(AwsIds.uuid(), Instant.now(), message));
        while (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
    }

    List<ServiceEvent> newestFirst() {
        List<ServiceEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparing(ServiceEvent::createdAt).reversed());
        return out;
    }
}
