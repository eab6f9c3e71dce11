package dev.meshwalk.localcloud.dataplane.ecs;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Telemetry sidecars for a data plane run without an intake: binds each sidecar's UDP ports on the task address
 * (so apps that send segments or StatsD find a listener, as on AWS) and drops what arrives, without a thread.
 * It tells the apps' OpenTelemetry SDK to stay off ({@code OTEL_SDK_DISABLED=true}) since nothing would collect
 * its spans. The real intake replaces this in the composition root.
 */
public final class DiscardingTelemetrySidecars implements TelemetrySidecars {

    @Override
    public RunningContainer start(ContainerKind kind, ContainerLaunch launch) throws Exception {
        List<DatagramSocket> sockets = new ArrayList<>();
        Map<Integer, Integer> bound = new HashMap<>();
        try {
            for (Map.Entry<Integer, Integer> port : launch.ports().entrySet()) {
                DatagramSocket socket;
                try {
                    socket = new DatagramSocket(new InetSocketAddress(launch.taskAddress(), port.getValue()));
                } catch (java.net.BindException taken) {
                    socket = new DatagramSocket(new InetSocketAddress(launch.taskAddress(), 0));
                }
                sockets.add(socket);
                bound.put(port.getKey(), socket.getLocalPort());
            }
        } catch (Exception e) {
            sockets.forEach(DatagramSocket::close);
            throw e;
        }
        Map<String, String> siblings = new HashMap<>();
        siblings.put("OTEL_SDK_DISABLED", "true");
        if (bound.containsKey(2000)) {
            siblings.put("AWS_XRAY_DAEMON_ADDRESS", launch.taskAddress().getHostAddress() + ":" + bound.get(2000));
        }
        return new RunningContainer() {
            @Override
            public boolean isAlive() {
                return sockets.stream().noneMatch(DatagramSocket::isClosed);
            }

            @Override
            public Map<Integer, Integer> boundPorts() {
                return Map.copyOf(bound);
            }

            @Override
            public Map<String, String> environmentForSiblings() {
                return Map.copyOf(siblings);
            }

            @Override
            public void close() {
                sockets.forEach(DatagramSocket::close);
            }
        };
    }
}
