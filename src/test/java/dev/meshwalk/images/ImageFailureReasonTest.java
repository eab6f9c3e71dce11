package dev.meshwalk.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;

/**
 * Which kind of trouble a Jib failure is, fed the exception chains Jib and the JDK produce: the next step the
 * learner gets (check the network, or the permissions) depends on it.
 */
class ImageFailureReasonTest {

    @Test
    void noDnsNoRouteOrATimeoutMeansTheRegistryWasUnreachable() {
        assertThat(AppImageBuilder.classify(new ExecutionException(new UnknownHostException("registry-1.docker.io"))))
                .isEqualTo(ImageBuildException.Reason.UNREACHABLE);
        assertThat(AppImageBuilder.classify(new java.io.IOException("Connect to 127.0.0.1:1 failed",
                new ConnectException("Connection refused")))).isEqualTo(ImageBuildException.Reason.UNREACHABLE);
        // Apache's ConnectTimeoutException wraps the JDK's SocketTimeoutException (seen when TLS hangs)
        assertThat(AppImageBuilder.classify(new java.io.InterruptedIOException("Connect failed: Read timed out") {
            private static final long serialVersionUID = 1L;
            {
                initCause(new SocketTimeoutException("Read timed out"));
            }
        })).isEqualTo(ImageBuildException.Reason.UNREACHABLE);
    }

    @Test
    void anUnauthorizedOrDeniedAnswerMeansTheRegistryRefused() {
        assertThat(AppImageBuilder.classify(new RegistryUnauthorizedException("123.dkr.ecr.eu-west-1.amazonaws.com",
                "proj/front", null))).isEqualTo(ImageBuildException.Reason.DENIED);
        assertThat(AppImageBuilder.classify(new RegistryException("Tried to push image manifest: 403 Forbidden denied: "
                + "User is not authorized to perform ecr:PutImage"))).isEqualTo(ImageBuildException.Reason.DENIED);
    }

    @Test
    void anythingElseIsOther() {
        assertThat(AppImageBuilder.classify(new java.io.IOException("No space left on device")))
                .isEqualTo(ImageBuildException.Reason.OTHER);
    }

    @Test
    void theHostThatCouldNotBeResolvedIsNamedInTheMessage() {
        ImageBuildException e = buildFailure(new UnknownHostException("registry-1.docker.io: Name or service not known"));
        assertThat(e.reason()).isEqualTo(ImageBuildException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("could not reach registry-1.docker.io");
    }

    private static ImageBuildException buildFailure(Throwable cause) {
        return AppImageBuilder.failure("Building the front image failed: ", cause);
    }
}
