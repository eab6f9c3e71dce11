package dev.meshwalk.localcloud.dataplane.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event-loop group of the data plane: every load balancer listener, mesh and Service Connect proxy
 * and the shared upstream client run their sockets on these few threads ({@code dataplane-netty-*}), so a chapter
 * with nine tasks costs no thread per listener or per request. Created by {@code DataPlane} and closed with it.
 */
public final class NettyLoop implements AutoCloseable {

    /** Two loops: one per core of the machines the tutorial targets; proxies never block them. */
    public static final int DEFAULT_THREADS = 2;

    /** The system property Netty reads for its leak detector's level. */
    private static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

    static {
        // Netty samples one buffer in 128 for leak tracking by default and records a stack trace for each: about
        // 300 stack walks a second under chapter 2's load, for a report nobody reads in a learner's local cloud.
        // The build's tests set the property, so they keep Netty's default checking (pom.xml).
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    private final EventLoopGroup group;

    private NettyLoop(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("dataplane-netty", true),
                NioIoHandler.newFactory());
    }

    public static NettyLoop start(int threads) {
        return new NettyLoop(threads);
    }

    public EventLoopGroup group() {
        return group;
    }

    /** Closes every channel still open on the group and waits until its threads have ended. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
