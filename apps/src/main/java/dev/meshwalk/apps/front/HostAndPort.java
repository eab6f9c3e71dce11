package dev.meshwalk.apps.front;

import dev.meshwalk.apps.common.AppConfigurationException;

/**
 * A {@code host:port} pair as the stacks write it in {@code COLOR_HOST}, {@code HTTP_PROXY} and
 * {@code DNS_SERVER} (a bare host means port {@code defaultPort}; IPv6 literals go in brackets).
 */
record HostAndPort(String host, int port) {

    /** {@code host:port} with IPv6 literals bracketed, as it appears in a URI authority. */
    String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static HostAndPort parse(String variable, String raw, int defaultPort) {
        String text = raw.trim();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd >= 0) {
            text = text.substring(schemeEnd + 3);
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            text = text.substring(0, slash);
        }
        String host;
        String portText = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(variable, raw);
            }
            host = text.substring(1, close);
            if (text.length() > close + 1) {
                if (text.charAt(close + 1) != ':') {
                    throw invalid(variable, raw);
                }
                portText = text.substring(close + 2);
            }
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            portText = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(variable, raw);
        }
        int port = defaultPort;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException notANumber) {
                throw invalid(variable, raw);
            }
            if (port < 1 || port > 65535) {
                throw invalid(variable, raw);
            }
        }
        return new HostAndPort(host, port);
    }

    private static AppConfigurationException invalid(String variable, String raw) {
        return new AppConfigurationException(variable + " must look like host:port (e.g. "
                + "color.howto-ecs-basics.pvtdns:8080), got '" + raw + "'");
    }
}
