package dev.meshwalk.apps.front;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;

/**
 * Direct mode (chapters 0 and 1): resolve {@code COLOR_HOST}'s name and call one of its addresses. In
 * chapter 0 the name is the internal load balancer's; in chapter 1 it is the Cloud Map name with one A
 * record per color task, and the spreading happens here, in the client.
 */
final class ViaDns implements ColorRoute {
    private final HostAndPort colorHost;
    private final BalancedResolver resolver;

    ViaDns(HostAndPort colorHost, BalancedResolver resolver) {
        this.colorHost = colorHost;
        this.resolver = resolver;
    }

    @Override
    public ColorTarget next() throws IOException {
        InetAddress address = resolver.next(colorHost.host());
        String literal = address.getHostAddress();
        String authority = (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + colorHost.port();
        return new ColorTarget(URI.create("http://" + authority + "/"), Proxy.NO_PROXY);
    }

    @Override
    public String describe() {
        return "direct to the addresses of " + colorHost.authority() + " (DNS, round robin)";
    }
}
