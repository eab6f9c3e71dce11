package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectConfig;
import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Service Connect agent container. ECS adds it to every task of a service with Service Connect (the task
 * definition never names it), as {@code ecs-service-connect-<hex>}; locally it runs the task's
 * {@link ServiceConnectProxy}, which offers the task's apps {@code HTTP_PROXY} and serves the named ports.
 */
final class ServiceConnectAgent implements ContainerProgram {

    static final String REPOSITORY = "ecs-service-connect-agent";
    static final String IMAGE = "public.ecr.aws/ecs/" + REPOSITORY + ":interface-v1";

    private final ServiceConnect serviceConnect;

    ServiceConnectAgent(ServiceConnect serviceConnect) {
        this.serviceConnect = serviceConnect;
    }

    /** The definition a task of this service really runs: with the agent when Service Connect is on. */
    static TaskDefinition addTo(TaskDefinition definition, ServiceConnectConfig config, String containerSuffix) {
        if (config == null) {
            return definition;
        }
        List<ContainerSpec> containers = new ArrayList<>();
        containers.add(new ContainerSpec("ecs-service-connect-" + containerSuffix, IMAGE, true, Map.of(), List.of(),
                List.of(), null));
        containers.addAll(definition.spec().containers());
        return new TaskDefinition(definition.arn(), definition.family(), definition.revision(),
                new TaskDefinitionSpec(definition.family(), containers, definition.spec().proxyConfiguration()));
    }

    @Override
    public RunningContainer start(ContainerLaunch launch) throws Exception {
        ServiceConnectProxy proxy = serviceConnect.startProxy(launch.cluster(), launch.serviceName(), launch.taskId(),
                launch.taskAddress());
        return new RunningContainer() {
            private volatile boolean closed;

            @Override
            public boolean isAlive() {
                return !closed;
            }

            @Override
            public Map<Integer, Integer> boundPorts() {
                return Map.of();
            }

            @Override
            public Map<String, String> environmentForSiblings() {
                return proxy.environmentForApps();
            }

            @Override
            public void close() {
                closed = true;
                proxy.close();
            }
        };
    }
}
