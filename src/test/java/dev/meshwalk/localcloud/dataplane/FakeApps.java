package dev.meshwalk.localcloud.dataplane;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshwalk.localcloud.dataplane.ecs.AppCatalog;
import dev.meshwalk.localcloud.dataplane.ecs.AppLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Stand-ins for the demo apps with the same contract (color answers its COLOR on {@code /}, {@code /ping} 200;
 * front's {@code /color} calls {@code COLOR_HOST}, through {@code HTTP_PROXY} when set, else resolving the host
 * with dnsjava at {@code DNS_SERVER} and spreading calls over the answers). They record every environment they
 * were started with and can be killed to simulate a crash.
 */
final class FakeApps {

    final List<Map<String, String>> started = new CopyOnWriteArrayList<>();
    final List<Running> running = new CopyOnWriteArrayList<>();
    volatile boolean colorFailsToStart;

    /** The real demo apps ({@code BuiltInApps}), recording the environment each was started with. */
    AppCatalog realApps() {
        AppCatalog real = dev.meshwalk.localcloud.dataplane.ecs.BuiltInApps.catalog();
        return new AppCatalog(env -> {
            started.add(Map.copyOf(env));
            return track(real.front().launch(env), env);
        }, env -> {
            started.add(Map.copyOf(env));
            return track(real.color().launch(env), env);
        });
    }

    /** Real apps that are running, with the environment they were started with (a test may crash one). */
    final Map<AppLauncher.RunningApp, Map<String, String>> realRunning = new java.util.concurrent.ConcurrentHashMap<>();

    private AppLauncher.RunningApp track(AppLauncher.RunningApp app, Map<String, String> env) {
        AppLauncher.RunningApp tracked = new AppLauncher.RunningApp() {
            @Override
            public int port() {
                return app.port();
            }

            @Override
            public void close() {
                realRunning.remove(this);
                app.close();
            }

            @Override
            public void kill() {
                app.kill();
            }

            @Override
            public java.util.OptionalInt exitCode() {
                return app.exitCode();
            }
        };
        realRunning.put(tracked, Map.copyOf(env));
        return tracked;
    }

    AppCatalog catalog() {
        return new AppCatalog(env -> start(env, this::front), env -> {
            if (colorFailsToStart) {
                throw new IllegalStateException("COLOR is not set");
            }
            return start(env, this::color);
        });
    }

    interface Handler {
        void handle(HttpExchange exchange, Map<String, String> env) throws IOException;
    }

    final class Running implements AppLauncher.RunningApp {
        final HttpServer server;
        final ExecutorService pool;
        final Map<String, String> env;

        Running(HttpServer server, ExecutorService pool, Map<String, String> env) {
            this.server = server;
            this.pool = pool;
            this.env = env;
        }

        @Override
        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
            running.remove(this);
        }
    }

    private Running start(Map<String, String> env, Handler handler) throws IOException {
        started.add(Map.copyOf(env));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(env.get("BIND_ADDRESS")),
                Integer.parseInt(env.get("PORT"))), 64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange, env);
            }
        });
        server.start();
        Running app = new Running(server, pool, env);
        running.add(app);
        return app;
    }

    private void color(HttpExchange exchange, Map<String, String> env) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/ping")) {
            reply(exchange, 200, "pong");
        } else {
            reply(exchange, 200, env.getOrDefault("COLOR", "black"));
        }
    }

    private final AtomicInteger frontCursor = new AtomicInteger();
    private final Map<String, HttpClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    private void front(HttpExchange exchange, Map<String, String> env) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/ping")) {
            reply(exchange, 200, "pong");
            return;
        }
        try {
            String colorHost = env.get("COLOR_HOST");
            String proxy = env.get("HTTP_PROXY");
            String body;
            if (proxy != null) {
                URI p = URI.create(proxy);
                HttpClient client = clients.computeIfAbsent(proxy, k -> HttpClient.newBuilder()
                        .proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort()))).build());
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + colorHost + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    reply(exchange, 500, "500 - Unexpected Error (" + r.statusCode() + ")");
                    return;
                }
                body = r.body();
            } else {
                String host = colorHost.substring(0, colorHost.lastIndexOf(':'));
                String port = colorHost.substring(colorHost.lastIndexOf(':') + 1);
                String[] dns = env.get("DNS_SERVER").split(":");
                SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(dns[0], Integer.parseInt(dns[1])));
                Lookup lookup = new Lookup(host + ".", Type.A);
                lookup.setResolver(resolver);
                lookup.setCache(null);
                org.xbill.DNS.Record[] answers = lookup.run();
                if (answers == null || answers.length == 0) {
                    reply(exchange, 500, "500 - Unexpected Error (cannot resolve " + host + ")");
                    return;
                }
                java.util.Arrays.sort(answers, java.util.Comparator.comparing(a -> ((ARecord) a).getAddress().getHostAddress()));
                ARecord pick = (ARecord) answers[Math.floorMod(frontCursor.getAndIncrement(), answers.length)];
                HttpResponse<String> r = clients.computeIfAbsent("direct", k -> HttpClient.newHttpClient()).send(HttpRequest.newBuilder(
                                URI.create("http://" + pick.getAddress().getHostAddress() + ":" + port + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                body = r.body();
            }
            reply(exchange, 200, "{\"color\":\"" + body + "\"}");
        } catch (Exception e) {
            reply(exchange, 500, "500 - Unexpected Error (" + e + ")");
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
