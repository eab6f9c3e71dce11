package dev.meshwalk.app;

import java.util.List;
import java.util.Map;

/**
 * The JVM options of the local cloud the tutorial starts in the background ({@link BackgroundLocalCloud}). Without
 * them the JVM sizes its heap at a quarter of the machine's memory and, with G1, keeps what it once used: a local
 * cloud with chapter 3 deployed sat at 1-2 GB RSS while its live heap after a full collection was 50-200 MB
 * (measured in {@code docs/benchmarks/dataplane.md}, issue 18).
 *
 * <ul>
 *   <li>{@code -XX:+UseSerialGC}: one collector thread instead of G1's seven, no remembered sets, and the heap
 *       shrinks back after a collection ({@code MaxHeapFreeRatio}). The local cloud's pauses are a few milliseconds
 *       at this heap size.</li>
 *   <li>{@code -Xmx384m}: room for the largest thing it keeps, the X-Ray trace store, whose budget follows the heap
 *       ({@code TraceStore.forHeap}: 48 MB of documents here, ~100 MB of heap when full) plus the data plane; the heap
 *       starts small ({@code -Xms32m}) and only grows with what is stored. A smaller ceiling saves less than it
 *       seems: with {@code -Xmx192m} the mesh-hop benchmark still ended at 265-275 MB RSS (302 MB with 384m), since
 *       the rest (metaspace, code cache, thread stacks, the data plane's buffers) is ~130 MB.</li>
 *   <li>Metaspace and code cache limits a few times what was used (31 MB and 26 MB after the mesh-hop
 *       benchmark), so a leak shows as an error instead of a slowly growing process.</li>
 * </ul>
 *
 * <p>{@link #ENVIRONMENT}: glibc gives each thread that allocates its own malloc arena (up to eight per core) and
 * keeps their free pages; two arenas saved ~8-10 MB of RSS with chapter 3 deployed. Set only where the user has not.
 *
 * <p>{@code java -jar target/tutorial.jar localcloud} started by hand gets the JVM's defaults unless the user passes
 * these options; {@code docs/localcloud.md} says so.
 */
final class LocalCloudJvm {

    static final List<String> OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx384m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m");

    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private LocalCloudJvm() {
    }
}
