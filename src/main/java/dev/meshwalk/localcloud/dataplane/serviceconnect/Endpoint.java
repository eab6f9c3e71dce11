package dev.meshwalk.localcloud.dataplane.serviceconnect;

/**
 * One task of a Service Connect server, as client proxies see it: its proxy's ingress listener, and the service
 * revision (ECS deployment) it belongs to, which a canary's traffic split is expressed in.
 *
 * @param revision the deployment id ({@code ecs-svc/...}) that started the task
 */
public record Endpoint(String taskId, String revision, String address, int port, boolean healthy) {

    public String hostAndPort() {
        return address + ":" + port;
    }

    Endpoint withHealth(boolean nowHealthy) {
        return new Endpoint(taskId, revision, address, port, nowHealthy);
    }
}
