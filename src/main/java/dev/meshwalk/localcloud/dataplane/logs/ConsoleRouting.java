package dev.meshwalk.localcloud.dataplane.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Sends what in-process container programs print to {@code System.out} and {@code System.err} to their container's
 * log, the way a container runtime hands a process's stdout and stderr to the {@code awslogs} driver.
 *
 * <p>The demo apps run as threads of this JVM and print through the one {@code System.out}, so output is told apart
 * by thread: {@link #capture} marks the thread that starts a container, and every thread the program creates while
 * starting (its server, executor and exporter threads) inherits the mark. Unmarked threads print as before.
 */
public final class ConsoleRouting {

    private static final InheritableThreadLocal<Consumer<String>> SINK = new InheritableThreadLocal<>();

    private ConsoleRouting() {
    }

    /** Runs {@code start} with its thread (and the threads it creates) printing into {@code sink}, line by line. */
    public static <T> T capture(Consumer<String> sink, Callable<T> start) throws Exception {
        install();
        Consumer<String> previous = SINK.get();
        SINK.set(sink);
        try {
            return start.call();
        } finally {
            if (previous == null) {
                SINK.remove();
            } else {
                SINK.set(previous);
            }
        }
    }

    /**
     * Puts the routers in front of the JVM's streams, again when someone replaced them since (a test harness or a
     * command capturing its output swaps {@code System.out}, which would silently cut every container's log).
     */
    private static synchronized void install() {
        if (!(System.out instanceof RoutedStream)) {
            System.setOut(new RoutedStream(new Router(System.out)));
        }
        if (!(System.err instanceof RoutedStream)) {
            System.setErr(new RoutedStream(new Router(System.err)));
        }
    }

    /** Our stream, recognisable so that it is installed once and re-installed when replaced. */
    private static final class RoutedStream extends PrintStream {
        RoutedStream(Router router) {
            super(router, true, StandardCharsets.UTF_8);
        }
    }

    /** Whole lines of marked threads go to their sink; everything else to the stream it replaced. */
    private static final class Router extends OutputStream {
        private final PrintStream original;
        private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

        Router(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Consumer<String> sink = SINK.get();
            if (sink == null) {
                original.write(bytes, offset, length);
                return;
            }
            ByteArrayOutputStream line = pending.get();
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        @Override
        public void flush() {
            if (SINK.get() == null) {
                original.flush();
            }
        }
    }
}
