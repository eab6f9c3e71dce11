package dev.meshwalk.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceGraphReaderTest {

    private final ServiceGraphReader reader = new ServiceGraphReader();

    @Test
    void readsTheWeightedRoutingAnswerWithItsCountsAndEdges() {
        ServiceGraph g = Fixtures.graph("xray-graph-c");
        assertThat(g.nodes()).hasSize(7);
        assertThat(g.window().start()).isEqualTo(Instant.ofEpochSecond(1732550400L));
        assertThat(g.window().minutes()).isEqualTo(5.0);
        ServiceNode frontProxy = g.nodesById().get(6);
        assertThat(frontProxy.name()).isEqualTo("howto-basics/howto-basics-front-node");
        assertThat(frontProxy.isProxy()).isTrue();
        assertThat(frontProxy.root()).isTrue();
        assertThat(frontProxy.stats()).isEqualTo(new Stats(98, 0, 0, 2, 100, 0.274));
        assertThat(frontProxy.edges()).extracting(ServiceEdge::targetId).containsExactly(3, 4, 5);
        assertThat(frontProxy.responseTimes()).hasSize(5);
        ServiceNode client = g.nodesById().get(0);
        assertThat(client.isClient()).isTrue();
        assertThat(client.stats()).isEqualTo(Stats.NONE);
    }

    @Test
    void acceptsTheAwsCliIsoTimestampsAndSplitsThrottlesFromOther4xx() {
        ServiceGraph g = Fixtures.graph("xray-graph-one-node");
        assertThat(g.window().start()).isEqualTo(Instant.parse("2024-11-25T16:00:00Z"));
        ServiceNode front = g.nodes().get(0);
        assertThat(front.start()).isEqualTo(Instant.parse("2024-11-25T16:00:05Z"));
        assertThat(front.stats()).isEqualTo(new Stats(52, 4, 3, 1, 60, 0.6));
    }

    @Test
    void keepsFractionalEpochSeconds() throws Exception {
        ServiceGraph g = reader.read("{\"Services\": [], \"StartTime\": 1732550400.123, \"EndTime\": 1.7325507E9}");
        assertThat(g.window().start()).isEqualTo(Instant.ofEpochSecond(1732550400L, 123_000_000L));
        assertThat(g.window().end()).isEqualTo(Instant.ofEpochSecond(1732550700L));
    }

    @Test
    void aGraphWithoutWindowStillReads() throws Exception {
        ServiceGraph g = reader.read("{\"Services\": [{\"ReferenceId\": 1, \"Name\": \"front\"}]}");
        assertThat(g.window()).isNull();
        assertThat(g.nodes().get(0).names()).isEqualTo(List.of("front"));
        assertThat(g.nodes().get(0).type()).isNull();
    }

    @Test
    void textThatIsNotJsonIsReportedWithItsPositionAndHowToSaveAnAnswer() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [\n  {\"ReferenceId\": 1,,}]}"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("not valid JSON at line 2")
                .hasMessageContaining("aws xray get-service-graph");
    }

    @Test
    void aTruncatedAnswerIsReportedWithoutTheParsersInternals() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [\n  {\"ReferenceId\": 1,"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("not valid JSON at line 2")
                .hasMessageContaining("Unexpected end-of-input")
                .hasMessageNotContaining("[Source")
                .hasMessageNotContaining("start marker");
    }

    @Test
    void anEmptyFileIsNamedAsSuch() {
        assertThatThrownBy(() -> reader.read(""))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void theAnswerOfAnotherCommandIsRecognised() {
        assertThatThrownBy(() -> reader.read("{\"TraceSummaries\": [], \"ApproximateTime\": 1}"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("no \"Services\" list")
                .hasMessageContaining("TraceSummaries");
    }

    @Test
    void aWrongTypeNamesTheFieldPath() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [{\"ReferenceId\": 0, \"Name\": \"a\", \"Edges\": ["
                + "{\"ReferenceId\": 0, \"SummaryStatistics\": {\"OkCount\": \"many\"}}]}]}"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageStartingWith("Services[0].Edges[0].SummaryStatistics.OkCount: expected a whole number")
                .hasMessageContaining("\"many\"")
                .extracting(e -> ((ServiceGraphFormatException) e).path())
                .isEqualTo("Services[0].Edges[0].SummaryStatistics.OkCount");
    }

    @Test
    void anEdgeToAMissingServiceIsExplained() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [{\"ReferenceId\": 0, \"Name\": \"a\", "
                + "\"Edges\": [{\"ReferenceId\": 9}]}]}"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("Services[0].Edges[0].ReferenceId")
                .hasMessageContaining("reference id 9, but no service has it");
    }

    @Test
    void duplicateReferenceIdsAreRefused() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [{\"ReferenceId\": 0, \"Name\": \"a\"}, "
                + "{\"ReferenceId\": 0, \"Name\": \"b\"}]}"))
                .isInstanceOf(ServiceGraphFormatException.class)
                .hasMessageContaining("Services[1].ReferenceId")
                .hasMessageContaining("used by two services");
    }

    @Test
    void aMissingReferenceIdAndNegativeCountsAndBadTimesAreRefused() {
        assertThatThrownBy(() -> reader.read("{\"Services\": [{\"Name\": \"a\"}]}"))
                .hasMessageContaining("Services[0].ReferenceId: missing");
        assertThatThrownBy(() -> reader.read("{\"Services\": [{\"ReferenceId\": 0, \"SummaryStatistics\": "
                + "{\"TotalCount\": -3}}]}"))
                .hasMessageContaining("Services[0].SummaryStatistics.TotalCount: expected a whole number of requests");
        assertThatThrownBy(() -> reader.read("{\"Services\": [], \"StartTime\": \"yesterday\"}"))
                .hasMessageContaining("StartTime: expected epoch seconds or an ISO-8601 time");
        assertThatThrownBy(() -> reader.read("{\"Services\": [], \"StartTime\": 20, \"EndTime\": 10}"))
                .hasMessageContaining("ends")
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> reader.read("[1, 2]"))
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> reader.read("{\"Services\": {}}"))
                .hasMessageContaining("Services: expected a list of services");
    }
}
