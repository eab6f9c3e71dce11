package dev.meshwalk.architecture.impure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the core must never do, one nested class per kind: ArchitectureTest checks that its purity rule reports
 * every one of them, so the rule cannot silently stop catching a ban.
 */
final class ImpureCore {

    private ImpureCore() {
    }

    static final class StartsAThread {
        void run() {
            new Thread(() -> { }).start();
        }
    }

    static final class Sleeps {
        void run() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static final class ReadsAClock {
        Instant run(Clock clock) {
            return clock.instant();
        }
    }

    static final class AsksInstantNow {
        Instant run() {
            return Instant.now();
        }
    }

    static final class AsksLocalDateTimeNow {
        LocalDateTime run() {
            return LocalDateTime.now();
        }
    }

    static final class ReadsCurrentTimeMillis {
        long run() {
            return System.currentTimeMillis();
        }
    }

    static final class ReadsNanoTime {
        long run() {
            return System.nanoTime();
        }
    }

    static final class UsesRandom {
        int run() {
            return new Random().nextInt();
        }
    }

    static final class UsesMathRandom {
        double run() {
            return Math.random();
        }
    }

    static final class UsesThreadLocalRandom {
        int run() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    static final class MakesARandomUuid {
        UUID run() {
            return UUID.randomUUID();
        }
    }

    static final class UsesAnExecutor {
        void run() {
            Executors.newSingleThreadExecutor().shutdown();
        }
    }

    static final class CountsAtomically {
        int run() {
            return new AtomicInteger().incrementAndGet();
        }
    }

    static final class OpensAUri {
        java.net.URI run() {
            return java.net.URI.create("http://127.0.0.1/");
        }
    }
}
