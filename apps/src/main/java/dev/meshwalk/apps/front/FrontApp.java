package dev.meshwalk.apps.front;

import com.sun.net.httpserver.HttpExchange;
import dev.meshwalk.apps.common.AppRuntime;
import dev.meshwalk.apps.common.Environment;
import dev.meshwalk.apps.common.Exchanges;
import dev.meshwalk.apps.common.Launcher;
import dev.meshwalk.apps.common.Routes;
import dev.meshwalk.apps.common.Telemetry;
import dev.meshwalk.apps.common.TracedApp;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The public-facing service: {@code GET /color} asks color for a color and answers it together with the
 * share of each color over the last 1000 answers, which is how the learner sees load balancing and
 * weighted routing at work. {@code /color/clear} resets this instance's window and answers
 * {@code cleared <instance>}: every task keeps its own window, so a client that wants all of them cleared calls
 * until no new instance answers. {@code /ping} is for health checks.
 *
 * <p>Environment: {@code COLOR_HOST} (required, host:port of color), {@code PORT} (8080),
 * {@code BIND_ADDRESS} (0.0.0.0), {@code XRAY_APP_NAME} (default {@code front}), {@code HTTP_PROXY} or
 * {@code http_proxy} (mesh mode: send calls through that proxy, resolve nothing), {@code DNS_SERVER}
 * (host:port of the resolver to ask in direct mode; default: the system's), and the OpenTelemetry
 * variables {@link Telemetry} reads ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, ...).
 */
public final class FrontApp extends TracedApp {
    static final String FAILURE_BODY = "500 - Unexpected Error";

    private final ColorClient colorClient;
    private final ColorHistory history = new ColorHistory(ColorHistory.DEFAULT_CAPACITY);
    /** Names this instance in {@code /color/clear} answers, so a caller behind a balancer can tell tasks apart. */
    private final String instance = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16);

    private FrontApp(Telemetry telemetry, ColorClient colorClient) {
        super(telemetry);
        this.colorClient = colorClient;
    }

    /** Starts a front instance configured by {@code env}; it serves until {@link #close()}. */
    public static FrontApp start(Map<String, String> env) {
        return start(env, AppRuntime.STANDALONE);
    }

    /** As {@link #start(Map)}, on {@code runtime}'s threads (the local cloud's shared ones). */
    public static FrontApp start(Map<String, String> env, AppRuntime runtime) {
        Environment environment = new Environment(env);
        HostAndPort colorHost = HostAndPort.parse("COLOR_HOST", environment.require("COLOR_HOST",
                "front needs the host:port of the color service, e.g. "
                        + "COLOR_HOST=color.howto-ecs-basics.pvtdns:8080"), 80);
        ColorRoute route = routeTo(colorHost, environment);
        Telemetry telemetry = Telemetry.start(environment, "front", runtime.export());
        FrontApp app = new FrontApp(telemetry, new ColorClient(colorHost, route, telemetry));
        Routes routes = Routes.builder()
                .on("/color", app::answerColor)
                .on("/color/clear", app::clear)
                .on("/ping", exchange -> Exchanges.sendText(exchange, 200, ""))
                .build();
        app.serve(runtime.host(), environment, routes);
        return app;
    }

    private static ColorRoute routeTo(HostAndPort colorHost, Environment environment) {
        Optional<String> proxy = environment.get("HTTP_PROXY").or(() -> environment.get("http_proxy"));
        if (proxy.isPresent()) {
            return new ViaMeshProxy(colorHost, HostAndPort.parse("HTTP_PROXY", proxy.get(), 80));
        }
        HostAndPort dnsServer = environment.get("DNS_SERVER")
                .map(raw -> HostAndPort.parse("DNS_SERVER", raw, 53))
                .orElse(null);
        return new ViaDns(colorHost, BalancedResolver.create(dnsServer));
    }

    private void answerColor(HttpExchange exchange) throws IOException {
        String color;
        try {
            color = colorClient.fetchColor();
        } catch (IOException colorFailed) {
            Exchanges.sendText(exchange, 500, FAILURE_BODY);
            return;
        }
        history.record(color);
        Exchanges.sendJson(exchange, 200, FrontJson.answer(color, history.ratios()));
    }

    private void clear(HttpExchange exchange) throws IOException {
        history.clear();
        Exchanges.sendText(exchange, 200, "cleared " + instance);
    }

    @Override
    protected void afterServerStopped() {
        colorClient.close();
    }

    /** How this instance reaches color (mesh proxy or DNS), for logs and the local cloud's task view. */
    public String colorRoute() {
        return colorClient.describe();
    }

    @Override
    public String describe() {
        return serviceName() + " listening on port " + port() + ", color " + colorRoute() + ", "
                + telemetry().describeExport();
    }

    public static void main(String[] args) {
        Launcher.run("front", FrontApp::start);
    }
}
