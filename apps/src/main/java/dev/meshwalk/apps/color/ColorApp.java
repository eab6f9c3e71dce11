package dev.meshwalk.apps.color;

import dev.meshwalk.apps.common.AppRuntime;
import dev.meshwalk.apps.common.Environment;
import dev.meshwalk.apps.common.Exchanges;
import dev.meshwalk.apps.common.Launcher;
import dev.meshwalk.apps.common.Routes;
import dev.meshwalk.apps.common.Telemetry;
import dev.meshwalk.apps.common.TracedApp;
import java.util.Map;

/**
 * The back-end service of the tutorial: answers its configured color on every path, and 200 on
 * {@code /ping} for load balancer and mesh health checks. Two deployments with different {@code COLOR}
 * values are what make routing visible in chapter 3 (green and blue).
 *
 * <p>Environment: {@code COLOR} (required), {@code PORT} (8080), {@code BIND_ADDRESS} (0.0.0.0),
 * {@code XRAY_APP_NAME} (the service name on the map, default {@code color}), {@code ERROR_PERCENT} (0-100: that
 * share of answers, spread evenly, is HTTP 500 instead; {@code /ping} never fails), and the OpenTelemetry
 * variables {@link Telemetry} reads ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, ...).
 */
public final class ColorApp extends TracedApp {
    private final String color;
    private final ErrorShare errors;

    private ColorApp(String color, ErrorShare errors, Telemetry telemetry) {
        super(telemetry);
        this.color = color;
        this.errors = errors;
    }

    /** Starts a color instance configured by {@code env}; it serves until {@link #close()}. */
    public static ColorApp start(Map<String, String> env) {
        return start(env, AppRuntime.STANDALONE);
    }

    /** As {@link #start(Map)}, on {@code runtime}'s threads (the local cloud's shared ones). */
    public static ColorApp start(Map<String, String> env, AppRuntime runtime) {
        Environment environment = new Environment(env);
        String color = environment.require("COLOR",
                "set the color this instance answers, e.g. COLOR=green");
        ErrorShare errors = ErrorShare.of(env.get("ERROR_PERCENT"));
        Telemetry telemetry = Telemetry.start(environment, "color", runtime.export());
        Routes routes = Routes.builder()
                .on("/ping", exchange -> Exchanges.sendText(exchange, 200, ""))
                .otherwise(exchange -> {
                    if (errors.nextFails()) {
                        Exchanges.sendText(exchange, 500, color + " failed (ERROR_PERCENT=" + errors.percent() + ")");
                    } else {
                        Exchanges.sendText(exchange, 200, color);
                    }
                })
                .build();
        ColorApp app = new ColorApp(color, errors, telemetry);
        app.serve(runtime.host(), environment, routes);
        return app;
    }

    public String color() {
        return color;
    }

    @Override
    public String describe() {
        return serviceName() + " answering " + color + (errors.percent() > 0 ? " (" + errors.percent()
                + "% HTTP 500)" : "") + " on port " + port() + ", " + telemetry().describeExport();
    }

    public static void main(String[] args) {
        Launcher.run("color", ColorApp::start);
    }
}
