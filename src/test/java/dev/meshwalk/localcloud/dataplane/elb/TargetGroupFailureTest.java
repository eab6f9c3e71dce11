package dev.meshwalk.localcloud.dataplane.elb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * A health check that ran out of time is ELB's {@code Target.Timeout} whichever clock ran out first; the
 * probe's deadline and the upstream's wait for the answer race with the same timeout, so on a busy machine
 * either may win (a hanging target once read as a failed check in CI).
 */
class TargetGroupFailureTest {

    @Test
    void everyKindOfTimeoutIsATargetTimeout() {
        for (Throwable timeout : new Throwable[] {new TimeoutException(), new HttpTimeoutException("no head"),
                new io.netty.channel.ConnectTimeoutException("connect"), new java.net.SocketTimeoutException()}) {
            assertThat(TargetGroup.Failure.of(new CompletionException(timeout), null).reason())
                    .as(timeout.getClass().getSimpleName()).isEqualTo("Target.Timeout");
            assertThat(TargetGroup.Failure.of(timeout, null).reason()).isEqualTo("Target.Timeout");
        }
    }

    @Test
    void aRefusedOrClosedConnectionIsAFailedHealthCheck() {
        for (Throwable failure : new Throwable[] {new ConnectException("refused"), new IOException("closed")}) {
            TargetGroup.Failure f = TargetGroup.Failure.of(new CompletionException(failure), null);
            assertThat(f.reason()).isEqualTo("Target.FailedHealthChecks");
            assertThat(f.description()).isEqualTo("Health checks failed");
        }
    }
}
