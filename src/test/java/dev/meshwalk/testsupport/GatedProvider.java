package dev.meshwalk.testsupport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceProvider;
import dev.meshwalk.localcloud.provider.ResourceRequest;

/**
 * A resource type ({@code Test::Gated::Thing}) whose creation finishes only when the test opens the gate, so a
 * stack operation stays in progress as long as a test needs it to. Records how many ran at once and on which
 * threads. The gate opens by itself after 30 s, so a failing test cannot hold the engine's threads for ever.
 */
public final class GatedProvider implements ResourceProvider {

    public static final String TYPE = "Test::Gated::Thing";

    public final CountDownLatch gate = new CountDownLatch(1);
    public final AtomicInteger concurrent = new AtomicInteger();
    public final AtomicInteger maxConcurrent = new AtomicInteger();
    public final Map<String, String> threads = new ConcurrentHashMap<>();

    @Override
    public Set<String> resourceTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        threads.put(request.logicalId(), Thread.currentThread().getName());
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrent.decrementAndGet();
        }
        return new Provisioned("thing-" + request.logicalId(), Map.of("Name", request.logicalId()));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        return create(request);
    }

    @Override
    public void delete(ResourceRequest request, Provisioned current) {
    }
}
