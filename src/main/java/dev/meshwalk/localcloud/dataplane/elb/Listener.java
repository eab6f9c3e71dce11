package dev.meshwalk.localcloud.dataplane.elb;

/**
 * A started listener: the template's {@code port} and the {@code hostPort} it really listens on (the same
 * unless that port was taken), and the URL to reach it.
 */
public record Listener(String arn, String loadBalancerArn, int port, String host, int hostPort) {

    public String url() {
        return "http://" + host + (hostPort == 80 ? "" : ":" + hostPort);
    }
}
