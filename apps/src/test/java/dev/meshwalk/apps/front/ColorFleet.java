package dev.meshwalk.apps.front;

import dev.meshwalk.apps.color.ColorApp;
import dev.meshwalk.apps.common.AppConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Color instances on 127.0.0.2, .3, ... all listening on the same port, as tasks behind one Cloud Map
 * name do (DNS gives addresses, COLOR_HOST gives the one port).
 */
final class ColorFleet implements AutoCloseable {
    private final List<ColorApp> apps;
    private final int port;

    private ColorFleet(List<ColorApp> apps, int port) {
        this.apps = apps;
        this.port = port;
    }

    /** One instance per color, the i-th on 127.0.0.(i+2); retries when the chosen port is taken elsewhere. */
    static ColorFleet start(String... colors) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<ColorApp> apps = new ArrayList<>();
            try {
                int port = 0;
                for (int i = 0; i < colors.length; i++) {
                    ColorApp app = ColorApp.start(Map.of("COLOR", colors[i], "PORT", Integer.toString(port),
                            "BIND_ADDRESS", address(i)));
                    apps.add(app);
                    port = app.port();
                }
                return new ColorFleet(apps, port);
            } catch (AppConfigurationException portTaken) {
                apps.forEach(ColorApp::close);
            }
        }
        throw new IllegalStateException("no port free on all of 127.0.0.2.." + (colors.length + 1));
    }

    static String address(int index) {
        return "127.0.0." + (index + 2);
    }

    String[] addresses() {
        String[] addresses = new String[apps.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = address(i);
        }
        return addresses;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        apps.forEach(ColorApp::close);
    }
}
