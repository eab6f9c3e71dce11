package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterExpressionTest {

    private static TraceEntity segment(String name, int status, double seconds, Map<String, Object> annotations) {
        return new TraceEntity("1-58406520-a006649127e371903a2de979", "0123456789abcdef", null, name, null, null,
                true, 100, 100 + seconds, false,
                new TraceEntity.Http("GET", "http://front/color", "curl/8", "10.0.0.1", status, false),
                TraceEntity.Flags.NONE, null, annotations, null, List.of());
    }

    private static boolean matches(String expression, TraceEntity segment) throws Exception {
        return FilterExpression.parse(expression).matches(FilterSubject.of(segment));
    }

    @Test
    void keywordsReadTheOutcomeFromFlagsOrStatus() throws Exception {
        assertThat(matches("fault", segment("color", 503, 0.1, Map.of()))).isTrue();
        assertThat(matches("error", segment("color", 429, 0.1, Map.of()))).isTrue();
        assertThat(matches("throttle", segment("color", 429, 0.1, Map.of()))).isTrue();
        assertThat(matches("throttle", segment("color", 404, 0.1, Map.of()))).isFalse();
        assertThat(matches("ok", segment("color", 200, 0.1, Map.of()))).isTrue();
        assertThat(matches("fault = false", segment("color", 200, 0.1, Map.of()))).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesRegroup() throws Exception {
        TraceEntity slowOk = segment("front", 200, 2, Map.of());
        assertThat(matches("fault AND service(\"front\") OR responsetime > 1", slowOk)).isTrue();
        assertThat(matches("fault AND (service(\"front\") OR responsetime > 1)", slowOk)).isFalse();
        assertThat(matches("!fault && responsetime >= 2 || fault", slowOk)).isTrue();
        assertThat(matches("NOT service(\"front\")", slowOk)).isFalse();
    }

    @Test
    void stringNumberAndAnnotationComparisons() throws Exception {
        TraceEntity s = segment("front", 200, 0.3, Map.of("color", "green", "attempt", 2, "canary", true));
        assertThat(matches("http.url CONTAINS \"/color\" and http.method = \"GET\"", s)).isTrue();
        assertThat(matches("http.status != 200", s)).isFalse();
        assertThat(matches("annotation.color = \"green\" AND annotation.attempt > 1", s)).isTrue();
        assertThat(matches("annotation.canary", s)).isTrue();
        assertThat(matches("annotation.missing", s)).isFalse();
        assertThat(matches("service(\"front\") { responsetime < 0.5 }", s)).isTrue();
    }

    @Test
    void syntaxErrorsSayWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> FilterExpression.parse("responsetime >"))
                .hasMessageContaining("compares with a number").hasMessageContaining("end of the expression");
        assertThatThrownBy(() -> FilterExpression.parse("fault OR (ok"))
                .hasMessageContaining("Expected ')'");
        assertThatThrownBy(() -> FilterExpression.parse("latency > 3"))
                .hasMessageContaining("Unknown keyword 'latency' at position 1");
        assertThatThrownBy(() -> FilterExpression.parse("fault ok"))
                .hasMessageContaining("Expected AND, OR or the end");
        assertThatThrownBy(() -> FilterExpression.parse("service(\"a)"))
                .hasMessageContaining("Unterminated string");
    }
}
