package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code --skip-images}: an option wins, else the running stack's image, else a stop that names the options. */
class SkippedImagesTest {

    private static final String FRONT = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo/front:0a1b2c3d4e5f6071";
    private static final String COLOR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo/color:8190a1b2c3d4e5f6";

    private static Map<String, Optional<String>> given(String front, String color) {
        return Map.of("FrontAppImage", Optional.ofNullable(front), "ColorAppImage", Optional.ofNullable(color));
    }

    @Test
    void aRunningStackKeepsTheImagesItRunsNotTheLocalDefaults() {
        SkippedImages.Choice c = SkippedImages.choose("meshwalk-demo",
                Map.of("ProjectName", "demo", "FrontAppImage", FRONT, "ColorAppImage", COLOR), given(null, null));

        assertThat(c).isInstanceOfSatisfying(SkippedImages.Choice.Use.class, use -> {
            assertThat(use.images()).isEqualTo(Map.of("FrontAppImage", FRONT, "ColorAppImage", COLOR));
            assertThat(use.notes()).contains("  FrontAppImage: " + FRONT + " (what meshwalk-demo runs now)");
        });
    }

    @Test
    void anOptionWinsOverWhatTheStackRuns() {
        SkippedImages.Choice c = SkippedImages.choose("meshwalk-demo",
                Map.of("FrontAppImage", FRONT, "ColorAppImage", COLOR), given(" repo/front:v2 ", null));

        assertThat(c).isInstanceOfSatisfying(SkippedImages.Choice.Use.class, use -> assertThat(use.images())
                .isEqualTo(Map.of("FrontAppImage", "repo/front:v2", "ColorAppImage", COLOR)));
    }

    @Test
    void aNewStackNeedsBothImageOptionsAndTheStopNamesTheMissingOnes() {
        SkippedImages.Choice none = SkippedImages.choose("meshwalk-demo", Map.of(), given(null, null));
        assertThat(none).isInstanceOfSatisfying(SkippedImages.Choice.Refuse.class, r -> assertThat(String.join("\n", r.lines()))
                .contains("does not run yet").contains("--front-image").contains("--color-image")
                .contains("leave out --skip-images"));

        SkippedImages.Choice half = SkippedImages.choose("meshwalk-demo", Map.of(), given(FRONT, ""));
        assertThat(half).isInstanceOfSatisfying(SkippedImages.Choice.Refuse.class, r -> assertThat(String.join("\n", r.lines()))
                .contains("--color-image").doesNotContain("--front-image"));

        assertThat(SkippedImages.choose("meshwalk-demo", Map.of(), given(FRONT, COLOR)))
                .isInstanceOfSatisfying(SkippedImages.Choice.Use.class, use -> assertThat(use.images())
                        .isEqualTo(Map.of("FrontAppImage", FRONT, "ColorAppImage", COLOR)));
    }
}
