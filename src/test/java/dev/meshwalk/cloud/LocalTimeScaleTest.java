package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.localcloud.dataplane.LocalTimings;

/**
 * The deploy pane counts a canary's bake time down on the target's clock: for the tutorial's own local cloud that is
 * its default compression, which the cloud package cannot import, so this ties the two together.
 */
class LocalTimeScaleTest {

    @Test
    void theLocalTargetsClockIsTheLocalCloudsDefaultTimings() {
        assertThat(CloudTarget.local(URI.create("http://127.0.0.1:4566")).timeScale())
                .hasValue(LocalTimings.defaults().factor());
        assertThat(CloudTarget.aws("eu-west-1", Optional.empty()).timeScale()).hasValue(1.0);
        assertThat(CloudTarget.endpoint(URI.create("http://127.0.0.1:4566"), "us-east-1", Optional.empty()).timeScale())
                .as("an endpoint's clock is unknown").isEmpty();
    }
}
