package dev.meshwalk.apps.front;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;

/**
 * Mesh mode: every call goes to the proxy's egress listener as {@code GET http://<COLOR_HOST>/} in absolute
 * form, and front resolves nothing itself. The proxy routes by the virtual service name in that URI, which
 * is exactly what the App Mesh sidecar does for traffic it intercepts (on AWS with iptables, locally
 * through {@code HTTP_PROXY}).
 */
final class ViaMeshProxy implements ColorRoute {
    private final ColorTarget target;
    private final HostAndPort proxy;

    ViaMeshProxy(HostAndPort colorHost, HostAndPort proxy) {
        this.proxy = proxy;
        this.target = new ColorTarget(URI.create("http://" + colorHost.authority() + "/"),
                new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port())));
    }

    @Override
    public ColorTarget next() {
        return target;
    }

    @Override
    public String describe() {
        return "via mesh proxy " + proxy.authority() + " to " + target.uri();
    }
}
