package dev.meshwalk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.slf4j.LoggerFactory;

/**
 * Sends every log line to a file while the TUI owns the terminal: slf4j-simple (ours, the SDK's) through its
 * system properties, and java.util.logging (JLine's) bridged into slf4j. Must run before the first logger exists.
 */
final class Logging {

    private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    private Logging() {
    }

    /**
     * Points logs at {@code file} (or stderr when {@code toStderr}); returns where they actually go. An earlier
     * explicit choice (a -D on the command line) wins.
     */
    static String configure(Path file, boolean toStderr) {
        if (System.getProperty(LOG_FILE) == null) {
            String target = toStderr ? "System.err" : writableLogFile(file);
            System.setProperty(LOG_FILE, target);
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
        }
        bridgeJavaUtilLogging();
        return System.getProperty(LOG_FILE);
    }

    private static String writableLogFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file.toString();
        } catch (IOException | RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "meshwalk-" + System.getProperty("user.name") + ".log").toString();
        }
    }

    private static void bridgeJavaUtilLogging() {
        java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                org.slf4j.Logger log = LoggerFactory.getLogger(r.getLoggerName() == null ? "jul" : r.getLoggerName());
                String msg = r.getMessage();
                int level = r.getLevel().intValue();
                if (level >= Level.SEVERE.intValue()) {
                    log.error(msg, r.getThrown());
                } else if (level >= Level.WARNING.intValue()) {
                    log.warn(msg, r.getThrown());
                } else if (level >= Level.INFO.intValue()) {
                    log.info(msg, r.getThrown());
                } else {
                    log.debug(msg, r.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }
}
