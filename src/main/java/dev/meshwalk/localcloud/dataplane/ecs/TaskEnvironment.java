package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** What every task shares: image map, programs, addresses, the scheduler, timings and the DNS server address. */
record TaskEnvironment(ImageMap imageMap, Map<ContainerKind, ContainerProgram> programs,
                       LoopbackAddressPool addresses, ScheduledExecutorService scheduler, Upstream upstream,
                       LocalTimings timings, String dnsServer) {
}
