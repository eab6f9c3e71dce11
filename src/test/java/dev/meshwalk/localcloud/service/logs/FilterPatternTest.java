package dev.meshwalk.localcloud.service.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.AwsError;
import org.junit.jupiter.api.Test;

class FilterPatternTest {

    private static final String LINE = "color answering green on port 8080, traces to http://127.0.0.1:4318";

    @Test
    void plainTermsMustAllAppearCaseSensitively() {
        assertThat(FilterPattern.parse("answering green").matches(LINE)).isTrue();
        assertThat(FilterPattern.parse("answering blue").matches(LINE)).isFalse();
        assertThat(FilterPattern.parse("Answering").matches(LINE)).isFalse();
        assertThat(FilterPattern.parse("").matches(LINE)).isTrue();
    }

    @Test
    void quotedPhrasesMatchAsAWholeWithTheirSpaces() {
        assertThat(FilterPattern.parse("\"answering green on\"").matches(LINE)).isTrue();
        assertThat(FilterPattern.parse("\"green answering\"").matches(LINE)).isFalse();
    }

    @Test
    void optionalAndExcludedTerms() {
        assertThat(FilterPattern.parse("?blue ?green").matches(LINE)).isTrue();
        assertThat(FilterPattern.parse("?blue ?red").matches(LINE)).isFalse();
        assertThat(FilterPattern.parse("answering -green").matches(LINE)).isFalse();
    }

    @Test
    void structuredPatternsAndOpenQuotesAreInvalidParameters() {
        assertThatThrownBy(() -> FilterPattern.parse("{ $.level = \"ERROR\" }")).isInstanceOf(AwsError.class)
                .satisfies(e -> assertThat(((AwsError) e).code()).isEqualTo("InvalidParameterException"));
        assertThatThrownBy(() -> FilterPattern.parse("\"open")).isInstanceOf(AwsError.class);
    }
}
