package dev.meshwalk.graph.bench;

import dev.meshwalk.graph.ServiceGraph;
import dev.meshwalk.graph.render.MapOptions;
import dev.meshwalk.graph.render.RenderedMap;
import dev.meshwalk.graph.render.ServiceMapRenderer;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Layout plus drawing time of generated service graphs (see docs/benchmarks/service-map.md for the command).
 * One fork, few iterations: the machine is shared and the figures only need to show the order of magnitude.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServiceMapBenchmark {

    @Param({"10", "100", "1000"})
    public int nodes;

    private ServiceGraph graph;
    private final ServiceMapRenderer renderer = new ServiceMapRenderer();
    private final MapOptions options = MapOptions.defaults().withWidth(120);

    @Setup
    public void generate() {
        graph = ServiceGraphGenerator.generate(nodes, 42);
    }

    @Benchmark
    public RenderedMap layoutAndRender() {
        return renderer.render(graph, options);
    }
}
