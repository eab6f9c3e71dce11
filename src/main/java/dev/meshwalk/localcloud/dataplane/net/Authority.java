package dev.meshwalk.localcloud.dataplane.net;

import java.net.URI;
import java.util.Locale;

/**
 * Host and port a request was addressed to, from its absolute URI (a proxied request) or its Host header; what the
 * App Mesh and Service Connect proxies route by.
 */
public record Authority(String host, int port) {

    public static Authority of(URI uri, String hostHeader) {
        if (uri.getHost() != null) {
            return new Authority(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort() < 0 ? 80 : uri.getPort());
        }
        String value = hostHeader == null ? "" : hostHeader;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.substring(colon + 1).matches("\\d+")) {
            return new Authority(value.substring(0, colon).toLowerCase(Locale.ROOT),
                    Integer.parseInt(value.substring(colon + 1)));
        }
        return new Authority(value.toLowerCase(Locale.ROOT), 80);
    }

    public boolean isIpLiteral() {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
