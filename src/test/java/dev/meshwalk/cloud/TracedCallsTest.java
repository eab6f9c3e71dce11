package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Front's outgoing hosts and the answering tasks come out of both shapes of X-Ray documents. */
class TracedCallsTest {

    private final Map<String, Long> hosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> tasks = new LinkedHashMap<>();

    @Test
    void looseSubsegmentsCountWhenTheirParentChainReachesTheCaller() {
        TracedCalls.read(List.of(
                "{\"name\":\"front\",\"id\":\"a1\",\"aws\":{\"ecs\":{\"task_arn\":\"front-task\"}}}",
                "{\"name\":\"GET\",\"id\":\"b2\",\"parent_id\":\"a1\",\"type\":\"subsegment\"}",
                "{\"name\":\"color.x.pvtdns\",\"id\":\"c3\",\"parent_id\":\"b2\",\"type\":\"subsegment\",\"namespace\":\"remote\","
                        + "\"http\":{\"request\":{\"url\":\"http://color.x.pvtdns:8080/\"}}}",
                "{\"name\":\"color-green\",\"id\":\"d4\",\"parent_id\":\"c3\",\"aws\":{\"ecs\":{\"task_arn\":\"green-1\"}}}",
                "{\"name\":\"elsewhere\",\"id\":\"e5\",\"parent_id\":\"zz\",\"type\":\"subsegment\","
                        + "\"http\":{\"request\":{\"url\":\"http://other:1/\"}}}"), "front", hosts, tasks);
        assertThat(hosts).containsExactly(Map.entry("color.x.pvtdns", 1L));
        assertThat(tasks).containsEntry("color-green", Set.of("green-1")).doesNotContainKey("front");
    }

    @Test
    void embeddedSubsegmentsAsAwsReturnsThemCountToo() {
        TracedCalls.read(List.of(
                "{\"name\":\"front\",\"id\":\"a1\",\"subsegments\":[{\"name\":\"GET\",\"subsegments\":[{\"name\":\"h\","
                        + "\"http\":{\"request\":{\"url\":\"http://internal-x-1.us-east-1.elb.amazonaws.com:8080/\"}}}]}]}",
                "not json",
                "{\"name\":\"color-green\",\"id\":\"d4\",\"aws\":{\"ecs\":{\"task_arn\":\"green-2\"}}}"), "front", hosts, tasks);
        assertThat(hosts).containsExactly(Map.entry("internal-x-1.us-east-1.elb.amazonaws.com", 1L));
        assertThat(tasks).containsEntry("color-green", Set.of("green-2"));
    }
}
