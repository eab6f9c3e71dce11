package dev.meshwalk.apps.common;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.contrib.awsxray.AwsXrayIdGenerator;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One app instance's tracing: a server span per request and client spans for outgoing calls, with X-Ray
 * trace ids and the {@code X-Amzn-Trace-Id} header, exported over OTLP/HTTP to the task's telemetry sidecar
 * (the CloudWatch agent on AWS, the local cloud's intake locally), which turns spans into X-Ray segments.
 *
 * <p>Each app owns its own SDK instance (never {@code GlobalOpenTelemetry}): the local cloud runs many
 * tasks in one JVM and each must report under its own service name. Without an OTLP endpoint nothing is
 * exported, but trace headers are still read and passed on, so the mesh proxies' segments still link up.
 *
 * <p>The resource says where the app runs: on ECS ({@code ECS_CONTAINER_METADATA_URI_V4} set) the
 * {@link EcsResourceDetector} adds {@code cloud.platform=aws_ecs} and the task's ARNs, from which the sidecar sets
 * the X-Ray segment's {@code origin}, the node type on the service map.
 *
 * <p>Environment: {@code OTEL_EXPORTER_OTLP_ENDPOINT} (base URL; traces go to {@code /v1/traces}) or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (full URL), {@code OTEL_RESOURCE_ATTRIBUTES},
 * {@code OTEL_BSP_SCHEDULE_DELAY} (ms, default 1000 so the service map follows traffic quickly),
 * {@code OTEL_SDK_DISABLED} / {@code OTEL_TRACES_EXPORTER=none} to switch exporting off.
 */
public final class Telemetry implements AutoCloseable {
    static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<String> PEER_ADDRESS = AttributeKey.stringKey("network.peer.address");
    static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
    /**
     * How long one export (and so an app's stop) may wait for the agent: short, because a missing agent must not hold
     * up a task's stop; {@code OTEL_EXPORTER_OTLP_TIMEOUT} (milliseconds, the OpenTelemetry variable) overrides it.
     */
    private static final long DEFAULT_EXPORT_TIMEOUT_MILLIS = 2000;
    private static final long DEFAULT_SCHEDULE_DELAY_MILLIS = 1000;

    /** Reads request headers (the JDK's {@link Headers} look names up case-insensitively). */
    private static final TextMapGetter<Headers> REQUEST_HEADERS = new TextMapGetter<>() {
        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : headers.getFirst(key);
        }
    };

    private final String serviceName;
    private final SdkTracerProvider tracerProvider;
    private final Tracer tracer;
    private final TextMapPropagator propagator = new XrayTracePropagator();
    private final Duration exportTimeout;
    private final Optional<String> tracesEndpoint;
    private final Optional<String> ecsTaskId;

    private Telemetry(String serviceName, SdkTracerProvider tracerProvider, Duration exportTimeout, Optional<String> tracesEndpoint, Optional<String> ecsTaskId) {
        this.serviceName = serviceName;
        this.tracerProvider = tracerProvider;
        this.tracer = tracerProvider.get("dev.meshwalk.apps");
        this.exportTimeout = exportTimeout;
        this.tracesEndpoint = tracesEndpoint;
        this.ecsTaskId = ecsTaskId;
    }

    /** Tracing for the app named by {@code XRAY_APP_NAME} (or {@code defaultServiceName}), exporting on its own threads. */
    public static Telemetry start(Environment env, String defaultServiceName) {
        return start(env, defaultServiceName, TelemetryExport.STANDALONE);
    }

    /** As {@link #start(Environment, String)}, sending spans through {@code export} (shared threads in-process). */
    public static Telemetry start(Environment env, String defaultServiceName, TelemetryExport export) {
        String serviceName = env.getOrDefault("XRAY_APP_NAME", defaultServiceName);
        AttributesBuilder resource = Attributes.builder();
        resourceAttributes(env).forEach((key, value) -> resource.put(key, value));
        resource.put(SERVICE_NAME, serviceName);
        // as OpenTelemetry's autoconfiguration orders them: SDK defaults, then what a detector found, then the
        // operator's OTEL_RESOURCE_ATTRIBUTES and the service name, which win
        Resource detected = new EcsResourceDetector(System.err).detect(env, serviceName);
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(detected).merge(Resource.create(resource.build())))
                .setIdGenerator(AwsXrayIdGenerator.getInstance())
                .setMeterProvider(MeterProvider::noop);
        Optional<String> endpoint = tracesEndpoint(env);
        Duration exportTimeout = Duration.ofMillis(positiveMillis(env, "OTEL_EXPORTER_OTLP_TIMEOUT",
                DEFAULT_EXPORT_TIMEOUT_MILLIS));
        if (endpoint.isPresent()) {
            builder.addSpanProcessor(export.exportTo(serviceName, endpoint.get(), exportTimeout,
                    Duration.ofMillis(positiveMillis(env, "OTEL_BSP_SCHEDULE_DELAY", DEFAULT_SCHEDULE_DELAY_MILLIS))));
        }
        if (endpoint.isEmpty()) {
            builder.addSpanProcessor(new PropagateOnly());
        }
        return new Telemetry(serviceName, builder.build(), exportTimeout, endpoint,
                Optional.ofNullable(detected.getAttribute(EcsResourceDetector.ECS_TASK_ID)));
    }

    /**
     * Stands in for an exporter when there is none. The SDK treats a provider without processors as
     * disabled and hands out non-recording spans that only repeat the caller's context, so the trace header
     * front sends color would name front's caller as the parent. With this processor spans get their own
     * ids and the mesh proxies' segments still nest correctly; nothing is kept or sent.
     */
    private static final class PropagateOnly implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    private static Optional<String> tracesEndpoint(Environment env) {
        boolean disabled = env.get("OTEL_SDK_DISABLED").map("true"::equalsIgnoreCase).orElse(false)
                || env.get("OTEL_TRACES_EXPORTER").map("none"::equalsIgnoreCase).orElse(false);
        if (disabled) {
            return Optional.empty();
        }
        Optional<String> endpoint = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                .or(() -> env.get("OTEL_EXPORTER_OTLP_ENDPOINT")
                        .map(base -> base.endsWith("/") ? base + "v1/traces" : base + "/v1/traces"));
        endpoint.ifPresent(url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException malformed) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new AppConfigurationException("OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as "
                        + "http://localhost:4318, got '" + url + "'; unset it to turn exporting off");
            }
        });
        return endpoint;
    }

    private static long positiveMillis(Environment env, String variable, long fallback) {
        String raw = env.getOrDefault(variable, Long.toString(fallback));
        try {
            long millis = Long.parseLong(raw);
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new AppConfigurationException(variable + " must be a positive number of milliseconds, got '" + raw + "'");
    }

    /** {@code OTEL_RESOURCE_ATTRIBUTES} as key/value pairs ({@code k=v,k2=v2}, values percent-decoded). */
    private static Map<AttributeKey<String>, String> resourceAttributes(Environment env) {
        Map<AttributeKey<String>, String> attributes = new LinkedHashMap<>();
        for (String pair : env.getOrDefault("OTEL_RESOURCE_ATTRIBUTES", "").split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                attributes.put(AttributeKey.stringKey(pair.substring(0, equals).trim()),
                        URLDecoder.decode(pair.substring(equals + 1).trim(), StandardCharsets.UTF_8));
            }
        }
        return attributes;
    }

    public String serviceName() {
        return serviceName;
    }

    /** Where spans go, and the ECS task they say they come from, for the start-up log line. */
    public String describeExport() {
        String where = ecsTaskId.map(id -> " as ECS task " + id).orElse("");
        return tracesEndpoint.map(url -> "traces to " + url + where)
                .orElse("traces not exported (no OTEL_EXPORTER_OTLP_ENDPOINT)" + where);
    }

    /** Where spans go, if anywhere. */
    public Optional<String> tracesEndpoint() {
        return tracesEndpoint;
    }

    /**
     * Wraps {@code handler} so each request runs inside a server span that continues the caller's trace
     * ({@code X-Amzn-Trace-Id}), named after the route {@code routeOf} finds for the path.
     */
    @SuppressWarnings("try") // the scope only has to be open while the handler runs
    public HttpHandler serverSpans(HttpHandler handler, Function<String, String> routeOf) {
        return exchange -> {
            Context parent = propagator.extract(Context.root(), exchange.getRequestHeaders(), REQUEST_HEADERS);
            String path = Optional.ofNullable(exchange.getRequestURI().getPath()).orElse("/");
            String route = routeOf.apply(path);
            Span span = tracer.spanBuilder(exchange.getRequestMethod() + " " + route)
                    .setParent(parent)
                    .setSpanKind(SpanKind.SERVER)
                    .setAttribute(HTTP_METHOD, exchange.getRequestMethod())
                    .setAttribute(HTTP_ROUTE, route)
                    .setAttribute(URL_PATH, path)
                    .setAttribute(URL_SCHEME, "http")
                    .setAttribute(SERVER_ADDRESS, hostOf(exchange))
                    .setAttribute(CLIENT_ADDRESS, clientOf(exchange))
                    .setAttribute(USER_AGENT, Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""))
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                handler.handle(exchange);
                int status = exchange.getResponseCode();
                span.setAttribute(HTTP_STATUS, (long) status);
                if (status >= 500) {
                    span.setStatus(StatusCode.ERROR);
                }
            } catch (IOException | RuntimeException failed) {
                span.recordException(failed);
                span.setStatus(StatusCode.ERROR);
                throw failed;
            } finally {
                span.end();
            }
        };
    }

    private static String hostOf(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            int colon = host.lastIndexOf(':');
            return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        }
        return exchange.getLocalAddress().getAddress().getHostAddress();
    }

    private static String clientOf(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }

    /**
     * Starts a client span for a call to {@code service} (the name the app asked for, e.g. the Cloud Map or
     * virtual service name) as a child of the current request's span.
     */
    public ClientSpan startClientSpan(String method, String service, int port, String path) {
        Span span = tracer.spanBuilder(method)
                .setParent(Context.current())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_METHOD, method)
                .setAttribute(SERVER_ADDRESS, service)
                .setAttribute(SERVER_PORT, (long) port)
                .setAttribute(URL_FULL, "http://" + service + ":" + port + path)
                .startSpan();
        return new ClientSpan(span, Context.current().with(span), propagator);
    }

    /** An outgoing call in progress; the caller adds its trace header, then reports how it ended. */
    public static final class ClientSpan implements AutoCloseable {
        private final Span span;
        private final Context context;
        private final TextMapPropagator propagator;

        private ClientSpan(Span span, Context context, TextMapPropagator propagator) {
            this.span = span;
            this.context = context;
            this.propagator = propagator;
        }

        /** Records where the call really went (an address from DNS, or the mesh proxy). */
        public void sentTo(URI target) {
            span.setAttribute(PEER_ADDRESS, target.getHost());
        }

        /** Writes the trace header(s) for this call through {@code setHeader}. */
        public void inject(BiConsumer<String, String> setHeader) {
            propagator.inject(context, setHeader, (carrier, key, value) -> carrier.accept(key, value));
        }

        public void answered(int status) {
            span.setAttribute(HTTP_STATUS, (long) status);
            if (status >= 400) {
                span.setStatus(StatusCode.ERROR);
            }
        }

        public void failed(Throwable cause) {
            span.recordException(cause);
            span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
        }

        @Override
        public void close() {
            span.end();
        }
    }

    /** Sends what is still queued (bounded by the export timeout) and stops this instance's export. */
    @Override
    public void close() {
        tracerProvider.shutdown().join(exportTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }
}
