package dev.meshwalk.localcloud.dataplane.elb;

/** An IP target. */
public record Target(String ip, int port) {

    public String hostAndPort() {
        return ip + ":" + port;
    }
}
