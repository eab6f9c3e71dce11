package dev.meshwalk.apps.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the variables an app was started with. The apps never call {@link System#getenv()}
 * themselves: {@code main} passes the process environment in, and the local cloud passes a task's
 * container environment, so the same class runs in a container on AWS and inside a local task.
 */
public final class Environment {
    /** Port every demo app listens on unless {@code PORT} says otherwise (the seed's container port). */
    public static final int DEFAULT_PORT = 8080;

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The value of {@code name}, or empty when it is unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String getOrDefault(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** The value of {@code name}; when missing, fails with {@code hint} telling the operator what to set. */
    public String require(String name, String hint) {
        return get(name).orElseThrow(() -> new AppConfigurationException(name + " is not set: " + hint));
    }

    /** {@code PORT}: 0 asks the system for a free port (tests and local tasks), default 8080. */
    public int port() {
        String raw = getOrDefault("PORT", Integer.toString(DEFAULT_PORT));
        try {
            int port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the same message as an out-of-range number
        }
        throw new AppConfigurationException("PORT must be a number from 0 to 65535, got '" + raw
                + "'; unset it to listen on " + DEFAULT_PORT);
    }

    /** {@code BIND_ADDRESS}: the local cloud gives each task its own 127.0.0.x; default all interfaces. */
    public InetAddress bindAddress() {
        String raw = getOrDefault("BIND_ADDRESS", "0.0.0.0");
        try {
            return InetAddress.getByName(raw);
        } catch (UnknownHostException unknown) {
            throw new AppConfigurationException("BIND_ADDRESS '" + raw
                    + "' is not an address of this machine; use an IP such as 127.0.0.1 or unset it");
        }
    }
}
