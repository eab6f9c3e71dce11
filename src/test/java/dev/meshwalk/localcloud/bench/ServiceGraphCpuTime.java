package dev.meshwalk.localcloud.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The same work as {@link ServiceGraphBenchmark}, reported as CPU time of the calling thread per
 * GetServiceGraph: on a shared, overloaded machine wall-clock numbers mostly measure the other
 * processes, CPU time measures ours. Run: see docs/benchmarks/telemetry.md.
 */
public final class ServiceGraphCpuTime {

    private ServiceGraphCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ServiceGraphBenchmark bench = new ServiceGraphBenchmark();
        bench.segments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fillStart = threads.getCurrentThreadCpuTime();
        bench.fill();
        double fillSeconds = (threads.getCurrentThreadCpuTime() - fillStart) / 1e9;
        System.out.printf(Locale.ROOT, "filled %d segments in the window (+%d outside): %.1f s CPU, %,.0f segments/s CPU%n",
                bench.segments, bench.segments, fillSeconds, 2 * bench.segments / fillSeconds);
        for (int i = 0; i < 5; i++) {
            bench.getServiceGraph();
        }
        int calls = 10;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            bench.getServiceGraph();
        }
        System.out.printf(Locale.ROOT, "GetServiceGraph over %d segments: %.1f ms CPU, %.1f ms wall per call%n",
                bench.segments, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / calls,
                (System.nanoTime() - wall) / 1e6 / calls);
    }
}
