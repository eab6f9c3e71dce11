package dev.meshwalk.localcloud.dataplane.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the CloudWatch agent / X-Ray daemon sidecar images run as in the local cloud: an OTLP/HTTP
 * trace receiver, an X-Ray daemon UDP listener and a statsd (DogStatsD) UDP listener, feeding a
 * {@link SegmentSink} and a {@link MetricSink}.
 *
 * <p>Threads: the JDK HTTP server's dispatcher, at most two {@code telemetry-otlp-http-N} workers, while
 * exports arrive one {@code telemetry-otlp-translate-N} helper ({@link OrderedTranslation}), and
 * one {@code telemetry-udp-<port>} thread for both UDP ports and the statsd flushes, and the
 * {@code telemetry-relay} thread that stores what the data plane's proxies and load balancers observe
 * ({@link TelemetryRelay}). {@link #close()} stops them all and releases the three ports; queued observations
 * and pending statsd aggregates are delivered first.
 */
public final class TelemetryIntake implements AutoCloseable {

    /**
     * Where and how to listen.
     *
     * @param bindHost            address to bind (127.0.0.1 locally)
     * @param otlpPort            OTLP/HTTP port, 0 for any free port (4318 is the OTLP default)
     * @param xrayPort            X-Ray daemon UDP port, 0 for any free port (2000 is the daemon default)
     * @param statsdPort          statsd UDP port, 0 for any free port (8125 is the statsd default)
     * @param statsdNamespace     CloudWatch namespace of statsd metrics (the agent's {@code namespace})
     * @param statsdDimensions    dimensions added to every statsd metric (the agent's {@code append_dimensions})
     * @param statsdFlushInterval how often aggregated statsd metrics are published
     * @param fallbackServiceName segment name for spans whose resource lacks {@code service.name}
     */
    public record Config(String bindHost, int otlpPort, int xrayPort, int statsdPort, String statsdNamespace,
                         Map<String, String> statsdDimensions, Duration statsdFlushInterval,
                         String fallbackServiceName) {

        public Config {
            statsdDimensions = Map.copyOf(statsdDimensions);
            if (statsdFlushInterval.isNegative() || statsdFlushInterval.isZero()) {
                throw new IllegalArgumentException("statsdFlushInterval must be positive");
            }
        }

        /** Loopback, free ports, namespace {@code CWAgent} (the agent's default), flush every second. */
        public static Config loopback() {
            return new Config("127.0.0.1", 0, 0, 0, "CWAgent", Map.of(), Duration.ofSeconds(1), null);
        }

        public Config withStatsdNamespace(String namespace, Map<String, String> dimensions) {
            return new Config(bindHost, otlpPort, xrayPort, statsdPort, namespace, dimensions, statsdFlushInterval,
                    fallbackServiceName);
        }

        public Config withStatsdFlushInterval(Duration interval) {
            return new Config(bindHost, otlpPort, xrayPort, statsdPort, statsdNamespace, statsdDimensions, interval,
                    fallbackServiceName);
        }

        public Config withFallbackServiceName(String name) {
            return new Config(bindHost, otlpPort, xrayPort, statsdPort, statsdNamespace, statsdDimensions,
                    statsdFlushInterval, name);
        }

        public Config withPorts(int otlp, int xray, int statsd) {
            return new Config(bindHost, otlp, xray, statsd, statsdNamespace, statsdDimensions, statsdFlushInterval,
                    fallbackServiceName);
        }
    }

    private final Config config;
    private final IntakeStatistics stats = new IntakeStatistics();
    private final OtlpHttpReceiver otlp;
    private final UdpReceiver udp;
    private final TelemetryRelay relay;

    private TelemetryIntake(Config config, SegmentSink segments, MetricSink metrics, Clock clock) throws IOException {
        this.config = config;
        this.otlp = new OtlpHttpReceiver(new InetSocketAddress(config.bindHost(), config.otlpPort()),
                new SpanToSegment(config.fallbackServiceName()), segments, stats);
        try {
            this.udp = new UdpReceiver(new InetSocketAddress(config.bindHost(), config.xrayPort()),
                    new InetSocketAddress(config.bindHost(), config.statsdPort()), segments, metrics,
                    new StatsdAggregator(config.statsdNamespace(), config.statsdDimensions()),
                    config.statsdFlushInterval(), clock, stats);
        } catch (IOException e) {
            otlp.close();
            throw e;
        }
        this.relay = new TelemetryRelay(stats);
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException when a port cannot be bound (the message names the address)
     */
    public static TelemetryIntake start(Config config, SegmentSink segments, MetricSink metrics) {
        return start(config, segments, metrics, Clock.systemUTC());
    }

    public static TelemetryIntake start(Config config, SegmentSink segments, MetricSink metrics, Clock clock) {
        try {
            return new TelemetryIntake(config, segments, metrics, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the telemetry intake on " + config.bindHost() + " (OTLP port "
                    + config.otlpPort() + ", X-Ray UDP " + config.xrayPort() + ", statsd UDP " + config.statsdPort()
                    + "): " + e.getMessage() + ". Choose other ports or 0 for free ones.", e);
        }
    }

    /** The OTLP/HTTP base URL for {@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. {@code http://127.0.0.1:43187}. */
    public String otlpEndpoint() {
        return "http://" + config.bindHost() + ":" + otlp.port();
    }

    public int otlpPort() {
        return otlp.port();
    }

    /** For {@code AWS_XRAY_DAEMON_ADDRESS} / Envoy's {@code XRAY_DAEMON_PORT}. */
    public InetSocketAddress xrayDaemonAddress() {
        return new InetSocketAddress(config.bindHost(), udp.xrayPort());
    }

    /** For Envoy's {@code STATSD_PORT} / DogStatsD address. */
    public InetSocketAddress statsdAddress() {
        return new InetSocketAddress(config.bindHost(), udp.statsdPort());
    }

    public IntakeStatistics statistics() {
        return stats;
    }

    /** Where the data plane's proxies and load balancers hand their per-request telemetry, off their event loop. */
    public TelemetryRelay relay() {
        return relay;
    }

    @Override
    public void close() {
        try {
            relay.close();
            otlp.close();
        } finally {
            udp.close();
        }
    }
}
