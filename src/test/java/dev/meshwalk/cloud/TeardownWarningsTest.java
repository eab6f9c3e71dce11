package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How teardown says that a part of its check could not run: expected on a local cloud, a permission on AWS. */
class TeardownWarningsTest {

    @Test
    void onALocalCloudItSaysTheApiIsNotServedAndThereIsNothingOfThatKindThere() {
        String w = TeardownWarnings.notChecked("ECR repositories (demo/*)", "InvalidAction: no such service\nmore",
                CloudTarget.local(URI.create("http://127.0.0.1:4566")));

        assertThat(w).isEqualTo("Could not check ECR repositories (demo/*): this target does not serve that API"
                + " (InvalidAction: no such service). The tutorial creates none of them on a local cloud, so none is left"
                + " there.");
    }

    @Test
    void onAwsItNamesTheRegionAndTheNextStep() {
        String w = TeardownWarnings.notChecked("EC2 resources tagged as the tutorial's", "UnauthorizedOperation: You are"
                + " not authorized to perform this operation.", CloudTarget.aws("eu-west-1", Optional.empty()));

        assertThat(w).startsWith("Could not check EC2 resources tagged as the tutorial's: UnauthorizedOperation")
                .contains("AWS console (region eu-west-1)").contains("read permission").contains("run teardown again");
    }
}
