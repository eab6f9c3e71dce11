package dev.meshwalk.localcloud.dataplane.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;

/**
 * Both UDP listeners of the intake, the X-Ray daemon port and the statsd port, served by ONE thread
 * through a selector, which also flushes the statsd aggregates on time: an idle intake costs one
 * sleeping thread, whatever the traffic.
 */
final class UdpReceiver implements AutoCloseable {

    /** The daemon's receive buffer: a longer datagram is cut off, as with the real daemon. */
    static final int MAX_DATAGRAM_BYTES = 64 * 1024;
    private static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    private final Selector selector;
    private final DatagramChannel xray;
    private final DatagramChannel statsd;
    private final Thread thread;
    private final XRayDaemonProtocol daemonProtocol = new XRayDaemonProtocol();
    private final StatsdParser statsdParser = new StatsdParser();
    private final StatsdAggregator aggregator;
    private final SegmentSink segments;
    private final MetricSink metrics;
    private final IntakeStatistics stats;
    private final Duration flushInterval;
    private final Clock clock;
    private volatile boolean running = true;

    UdpReceiver(InetSocketAddress xrayBind, InetSocketAddress statsdBind, SegmentSink segments, MetricSink metrics,
                StatsdAggregator aggregator, Duration flushInterval, Clock clock, IntakeStatistics stats)
            throws IOException {
        this.segments = segments;
        this.metrics = metrics;
        this.aggregator = aggregator;
        this.flushInterval = flushInterval;
        this.clock = clock;
        this.stats = stats;
        this.selector = Selector.open();
        DatagramChannel x = null;
        DatagramChannel s = null;
        try {
            x = open(xrayBind);
            s = open(statsdBind);
            x.register(selector, SelectionKey.OP_READ, "xray");
            s.register(selector, SelectionKey.OP_READ, "statsd");
        } catch (IOException e) {
            closeQuietly(x);
            closeQuietly(s);
            selector.close();
            throw e;
        }
        this.xray = x;
        this.statsd = s;
        this.thread = new Thread(this::run, "telemetry-udp-" + x.socket().getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    private static DatagramChannel open(InetSocketAddress bind) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        // A deep receive queue absorbs bursts (Envoy flushes many segments at once); the OS may cap it.
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
        channel.bind(bind);
        channel.configureBlocking(false);
        return channel;
    }

    int xrayPort() {
        return xray.socket().getLocalPort();
    }

    int statsdPort() {
        return statsd.socket().getLocalPort();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM_BYTES);
        long nextFlush = clock.millis() + flushInterval.toMillis();
        while (running) {
            try {
                long wait = Math.max(1, nextFlush - clock.millis());
                selector.select(wait);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    while (true) {
                        buffer.clear();
                        if (channel.receive(buffer) == null) {
                            break;
                        }
                        buffer.flip();
                        String datagram = new String(buffer.array(), 0, buffer.limit(), StandardCharsets.UTF_8);
                        stats.datagramsReceived.incrementAndGet();
                        if ("xray".equals(key.attachment())) {
                            segment(datagram);
                        } else {
                            statsdDatagram(datagram);
                        }
                    }
                }
                if (clock.millis() >= nextFlush) {
                    flush();
                    nextFlush = clock.millis() + flushInterval.toMillis();
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    stats.problem("UDP receive failed: " + e);
                }
            }
        }
        flush();
    }

    private void segment(String datagram) {
        try {
            segments.accept(daemonProtocol.segmentOf(datagram));
            stats.segmentsAccepted.incrementAndGet();
        } catch (IllegalArgumentException e) {
            stats.segmentsRejected.incrementAndGet();
            stats.problem(e.getMessage());
        }
    }

    private void statsdDatagram(String datagram) {
        StatsdParser.Parsed parsed = statsdParser.parse(datagram);
        parsed.samples().forEach(aggregator::add);
        if (parsed.rejectedLines() > 0) {
            stats.statsdLinesRejected.addAndGet(parsed.rejectedLines());
            stats.problem(parsed.lastProblem());
        }
    }

    private void flush() {
        if (!aggregator.isEmpty()) {
            try {
                stats.metricsPublished.addAndGet(aggregator.flush(metrics, clock.instant()));
            } catch (RuntimeException e) {
                stats.problem("metric sink refused data: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(xray);
        closeQuietly(statsd);
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a datagram channel only fails if it is already gone
            }
        }
    }
}
