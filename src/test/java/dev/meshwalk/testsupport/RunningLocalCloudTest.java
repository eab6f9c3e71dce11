package dev.meshwalk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.cloudwatch.CloudWatchService;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The fixture every integration test stands on: it must give each test a cloud that answers, and leave nothing
 * behind (port closed, clients closed) when the test ends, or one test's cloud would leak into the next.
 */
class RunningLocalCloudTest {

    @Test
    void servesDuringTheTestAndFreesThePortAfterIt() throws Exception {
        RunningLocalCloud fixture = RunningLocalCloud.serving(new CloudWatchService(new MetricStore()));
        fixture.beforeEach(null);
        URI endpoint = fixture.endpoint();
        CloudWatchClient client = fixture.client(CloudWatchClient.builder());

        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(client.listDashboards().dashboardEntries()).isEmpty();

        fixture.afterEach(null);

        assertThatThrownBy(() -> connect(endpoint)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(client::listDashboards).as("the client was closed with the cloud")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(fixture::endpoint).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }

    @Test
    void givesEveryTestFreshServicesSoNoStateCarriesOver() throws Exception {
        RunningLocalCloud fixture = RunningLocalCloud.servingFresh(() -> List.of(new CloudWatchService(new MetricStore())));
        fixture.beforeEach(null);
        try {
            fixture.client(CloudWatchClient.builder()).putDashboard(b -> b.dashboardName("left-over")
                    .dashboardBody("{\"widgets\":[]}"));
        } finally {
            fixture.afterEach(null);
        }
        fixture.beforeEach(null);
        try {
            assertThat(fixture.client(CloudWatchClient.builder()).listDashboards().dashboardEntries()).isEmpty();
        } finally {
            fixture.afterEach(null);
        }
    }

    private static void connect(URI endpoint) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
        }
    }
}
