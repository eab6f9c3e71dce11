package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A target nobody answers at: the message says what happened and what to do for that kind of target, instead of
 * the SDK's "Unable to execute HTTP request ... (SDK Attempt Count: 4)". Real SDK clients against a loopback port
 * nothing listens on.
 */
class UnreachableTargetWordingTest {

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void anEndpointNobodyListensAtIsNamedWithHowToStartItOrFixTheFlag() throws IOException {
        URI endpoint = closedPort();
        try (CloudSession session = CloudSession.local(CloudTarget.endpoint(endpoint, "us-east-1", Optional.empty()))) {
            assertThatThrownBy(() -> new Stacks(session).find("meshwalk-howto-ecs-basics"))
                    .hasMessage("Could not read the stack meshwalk-howto-ecs-basics: Nothing answers at " + endpoint
                            + " (Connection refused). Start the service there (a standalone local cloud: the"
                            + " `localcloud` command), or fix --endpoint-url / AWS_ENDPOINT_URL.");
        }
    }

    @Test
    void aLocalCloudThatStoppedSaysHowToGetANewOneWithTheStack() throws IOException {
        URI endpoint = closedPort();
        try (CloudSession session = CloudSession.local(CloudTarget.local(endpoint))) {
            assertThatThrownBy(() -> new Stacks(session).managedStacks())
                    .hasMessageContaining("The local cloud at " + endpoint + " does not answer (Connection refused)")
                    .hasMessageContaining("that starts a new one, with your stack")
                    .hasMessageNotContaining("SDK Attempt Count");
        }
    }

    @Test
    void anAwsEndpointOutOfReachPointsAtTheNetwork() {
        String words = new UnreachableTargetWording(CloudTarget.aws("eu-west-1", Optional.empty()))
                .wording("https://cloudformation.eu-west-1.amazonaws.com", "Connection timed out");
        assertThat(words).startsWith("AWS could not be reached at https://cloudformation.eu-west-1.amazonaws.com"
                + " (Connection timed out). Check the network connection");
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidSoWithTheFlagsThatSetIt() {
        SdkClientException sdk = SdkClientException.create("Received an UnknownHostException when attempting to"
                + " interact with a service.", SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("nosuchhost.invalid")));

        assertThat(SdkErrors.summary(sdk)).isEqualTo("The host name nosuchhost.invalid does not resolve (unknown host)."
                + " Check the address (--endpoint-url, AWS_ENDPOINT_URL or --region) and the network connection.");
    }

    @Test
    void otherFailuresKeepTheirOwnWords() {
        assertThat(UnreachableTargetWording.unreachable(SdkClientException.create("Unable to unmarshall response")))
                .isEmpty();
    }
}
