package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.logs.LogStore;
import dev.meshwalk.localcloud.dataplane.AlarmStates;
import dev.meshwalk.localcloud.dataplane.AwsIds;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import dev.meshwalk.localcloud.dataplane.LocalTimings;
import dev.meshwalk.localcloud.dataplane.net.LoopbackAddressPool;
import dev.meshwalk.localcloud.dataplane.net.Upstream;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every task shares: image map, programs, addresses, the scheduler, timings, the DNS server address, the ids
 * ECS assigns (container ARNs) and the task metadata endpoint; and what services share: Service Connect (where
 * their tasks' endpoints and a canary's split live) and the alarm states deployments watch; and the log store
 * containers with the {@code awslogs} driver write to.
 */
record TaskEnvironment(ImageMap imageMap, Map<ContainerKind, ContainerProgram> programs,
                       LoopbackAddressPool addresses, ScheduledExecutorService scheduler, Upstream upstream,
                       LocalTimings timings, String dnsServer, AwsIds ids, TaskMetadataEndpoint metadata,
                       ServiceConnect serviceConnect, AlarmStates alarms, LogStore logs) {
}
