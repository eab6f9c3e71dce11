package dev.meshwalk.apps.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColorHistoryTest {

    @Test
    void forgetsTheOldestColorOnceTheWindowIsFull() {
        ColorHistory history = new ColorHistory(4);
        history.record("green");
        history.record("green");
        history.record("blue");
        history.record("blue");
        history.record("blue");
        history.record("blue");

        assertThat(history.ratios()).containsOnlyKeys("blue").containsEntry("blue", new BigDecimal("1.00"));
    }

    @Test
    void keepsTheSeedsWindowOfAThousandAnswers() {
        ColorHistory history = new ColorHistory(ColorHistory.DEFAULT_CAPACITY);
        for (int i = 0; i < 1000; i++) {
            history.record("green");
        }
        for (int i = 0; i < 250; i++) {
            history.record("blue");
        }
        assertThat(history.ratios()).containsEntry("green", new BigDecimal("0.75"))
                .containsEntry("blue", new BigDecimal("0.25"));
    }

    @Test
    void roundsSharesHalfUpToTwoPlaces() {
        ColorHistory history = new ColorHistory(1000);
        history.record("green");
        history.record("green");
        history.record("blue");
        assertThat(history.ratios()).containsEntry("green", new BigDecimal("0.67"))
                .containsEntry("blue", new BigDecimal("0.33"));
    }

    @Test
    void clearStartsAnEmptyWindow() {
        ColorHistory history = new ColorHistory(10);
        history.record("green");
        history.clear();
        assertThat(history.ratios()).isEmpty();
    }

    @Test
    void jsonHasTheSeedsShapeWithPlainNumbersAndEscapedText() {
        ColorHistory history = new ColorHistory(10);
        history.record("green");
        history.record("bl\"ue");
        assertThat(FrontJson.answer("green", history.ratios()))
                .isEqualTo("{\"color\":\"green\", \"stats\": {\"bl\\\"ue\":0.5,\"green\":0.5}}");
    }
}
