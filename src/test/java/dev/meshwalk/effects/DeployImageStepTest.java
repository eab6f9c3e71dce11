package dev.meshwalk.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;

/**
 * The deploy pane's image step: progress shown below the preflight as it comes, one line per app in place, the
 * images put over the default parameters, and a failure's explanation kept with what was shown before it.
 */
class DeployImageStepTest {

    private final CloudSession session = CloudSession.local(CloudTarget.local(URI.create("http://127.0.0.1:9")));

    @AfterEach
    void close() {
        session.close();
    }

    /** Support whose image step replays given lines, then returns images or fails. */
    private static ActionSupport support(List<String> progress, Map<String, String> images, RuntimeException failure) {
        return new ActionSupport() {
            @Override
            public Map<String, String> appImages(CloudSession s, Consumer<String> out) {
                progress.forEach(out);
                if (failure != null) {
                    throw failure;
                }
                return images;
            }

            @Override
            public String stackName() {
                return "meshwalk-test";
            }

            @Override
            public String project() {
                return "test";
            }

            @Override
            public String template(String chapterId) {
                return "";
            }

            @Override
            public Map<String, String> parameters() {
                return Map.of();
            }
        };
    }

    @Test
    void uploadProgressIsShownBelowThePreflightOneLinePerAppAndTheImagesOverrideTheDefaults() {
        List<String> progress = List.of("Images: front and color on base (built with Jib, no Docker needed).",
                "  image front: pushing r/p/front:1", "  image front: 0 % (pushing)", "  image front: 50 % (layer)",
                "  image front: 100 % (done)", "  image front: pushed.", "  image color: pushing r/p/color:2",
                "  image color: 30 % (layer)", "  image color: 100 % (done)", "  image color: pushed.");
        List<List<String>> panes = new ArrayList<>();

        DeployImageStep.Result result = DeployImageStep.run(support(progress,
                Map.of("FrontAppImage", "r/p/front:1", "ColorAppImage", "r/p/color:2"), null), session,
                List.of("Preflight: ok"), panes::add);

        assertThat(panes).hasSize(progress.size()).allMatch(p -> p.get(0).equals("Preflight: ok"));
        assertThat(panes.get(3)).containsExactly("Preflight: ok", progress.get(0), progress.get(1), "  image front: 50 % (layer)");
        assertThat(result.failed()).isFalse();
        assertThat(result.lines()).containsExactly(progress.get(0), "  image front: pushing r/p/front:1",
                "  image front: 100 % (done)", "  image front: pushed.", "  image color: pushing r/p/color:2",
                "  image color: 100 % (done)", "  image color: pushed.");
        assertThat(result.parameters(Map.of("FrontAppImage", "front:latest", "ColorAppImage", "color:latest",
                "ProjectName", "p"))).containsEntry("FrontAppImage", "r/p/front:1").containsEntry("ColorAppImage", "r/p/color:2")
                .containsEntry("ProjectName", "p");
    }

    @Test
    void aTargetWithoutAnImageStepChangesNothing() {
        List<List<String>> panes = new ArrayList<>();
        DeployImageStep.Result result = DeployImageStep.run(support(List.of(), Map.of(), null), session, List.of(), panes::add);

        assertThat(panes).isEmpty();
        assertThat(result.lines()).isEmpty();
        assertThat(result.parameters(Map.of("FrontAppImage", "front:latest"))).containsExactly(
                Map.entry("FrontAppImage", "front:latest"));
    }

    @Test
    void aFailureKeepsThePreflightAndProgressAndAddsTheExplanation() {
        ImageStepFailed failure = new ImageStepFailed(List.of("The app images could not be built or pushed: no network",
                "Next: check the network, then press d to deploy again."), null);

        DeployImageStep.Result result = DeployImageStep.run(support(List.of("Images: front and color on b."), Map.of(),
                failure), session, List.of("Preflight: ok"), p -> { });

        assertThat(result.failed()).isTrue();
        assertThat(result.lines()).containsExactly("Preflight: ok", "Images: front and color on b.",
                "The app images could not be built or pushed: no network",
                "Next: check the network, then press d to deploy again.");
    }
}
