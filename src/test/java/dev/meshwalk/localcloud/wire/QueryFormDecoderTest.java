package dev.meshwalk.localcloud.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The awsQuery form flattening rules, on the exact bodies the SDK and the CLI were seen to send. */
class QueryFormDecoderTest {

    private static Map<String, Object> tree(String form) {
        return QueryFormDecoder.tree(QueryFormDecoder.pairs(form));
    }

    @Test
    void nestedListsOfStructsFromTheCliPutMetricDataBecomeListsOfMaps() {
        Map<String, Object> t = tree("Namespace=App&MetricData.member.1.MetricName=Latency"
                + "&MetricData.member.1.Dimensions.member.1.Name=Svc&MetricData.member.1.Dimensions.member.1.Value=a"
                + "&MetricData.member.1.Timestamp=2024-01-02T03%3A04%3A05.678000Z&MetricData.member.1.Value=1.5"
                + "&MetricData.member.2.Values.member.1=1&MetricData.member.2.Counts.member.1=3");

        assertThat(t).isEqualTo(Map.of(
                "Namespace", "App",
                "MetricData", List.of(
                        Map.of("MetricName", "Latency",
                                "Dimensions", List.of(Map.of("Name", "Svc", "Value", "a")),
                                "Timestamp", "2024-01-02T03:04:05.678000Z", "Value", "1.5"),
                        Map.of("Values", List.of("1"), "Counts", List.of("3")))));
    }

    @Test
    void dottedKeysWithoutMemberNestStructures() {
        assertThat(tree("MetricDataQueries.member.1.MetricStat.Metric.MetricName=m&MetricDataQueries.member.1.MetricStat.Period=60"))
                .isEqualTo(Map.of("MetricDataQueries", List.of(
                        Map.of("MetricStat", Map.of("Metric", Map.of("MetricName", "m"), "Period", "60")))));
    }

    @Test
    void entryKeyValuePairsBecomeAMap() {
        assertThat(tree("Attributes.entry.1.key=a&Attributes.entry.1.value=1&Attributes.entry.2.key=b&Attributes.entry.2.value=2"))
                .isEqualTo(Map.of("Attributes", Map.of("a", "1", "b", "2")));
    }

    @Test
    void listElementsComeInIndexOrderNotArrivalOrder() {
        assertThat(tree("N.member.10=j&N.member.2=b&N.member.1=a"))
                .isEqualTo(Map.of("N", List.of("a", "b", "j")));
    }

    @Test
    void aBareEmptyKeyStaysAnEmptyValueThatParamsReadsAsAnEmptyList() {
        Map<String, Object> t = tree("Tags=&Capabilities=");
        assertThat(t).isEqualTo(Map.of("Tags", "", "Capabilities", ""));
        assertThat(new dev.meshwalk.localcloud.service.Params(t).structs("Tags")).isEmpty();
    }

    @Test
    void aKeyThatIsBothAValueAndAStructureIsMalformed() {
        assertThatThrownBy(() -> tree("A=x&A.B=y"))
                .isInstanceOfSatisfying(WireFault.class, f -> assertThat(f.kind()).isEqualTo(WireFault.Kind.MALFORMED))
                .hasMessageContaining("A.B");
    }
}
