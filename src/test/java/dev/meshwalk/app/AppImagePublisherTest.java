package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.RegistryLogin;
import dev.meshwalk.images.AppFiles;
import dev.meshwalk.images.AppImage;
import dev.meshwalk.images.AppImageBuilder;

/**
 * The image step's decisions without a build: which targets need images, which parameters name them, and that an
 * app whose content tag is already in the registry is neither built nor pushed, and no login is asked for. The
 * push itself is proven end to end by AwsFlowIT (interactive deploy to a registry on loopback).
 */
class AppImagePublisherTest {

    /** A registry where every tag exists already; it counts what it is asked. */
    private static final class EverythingThere implements ImageRegistry {
        final List<String> ensured = new ArrayList<>();
        int logins;

        @Override
        public String ensure(String repository) {
            ensured.add(repository);
            return "123456789012.dkr.ecr.eu-west-1.amazonaws.com/" + repository;
        }

        @Override
        public boolean hasTag(String repository, String tag) {
            return true;
        }

        @Override
        public Optional<RegistryLogin> login() {
            logins++;
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void unchangedAppsAreNotPushedAgainAndNoLoginIsAsked() {
        EverythingThere registry = new EverythingThere();
        AppImagePublisher publisher = new AppImagePublisher("eclipse-temurin:17-jre", AppFiles::fromRunningClasspath);
        List<String> progress = new ArrayList<>();

        Map<String, String> params = publisher.publish(registry, "proj", progress::add);

        String frontTag;
        try (AppImageBuilder b = AppImageBuilder.inTempDir(AppFiles.fromRunningClasspath())) {
            frontTag = b.contentTag(AppImage.FRONT, "eclipse-temurin:17-jre");
        }
        assertThat(params).containsOnlyKeys("FrontAppImage", "ColorAppImage")
                .containsEntry("FrontAppImage", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/proj/front:" + frontTag);
        assertThat(params.get("ColorAppImage")).matches(".*/proj/color:[0-9a-f]{16}");
        assertThat(registry.ensured).containsExactly("proj/front", "proj/color");
        assertThat(registry.logins).isZero();
        assertThat(progress).hasSize(3).anyMatch(l -> l.contains("image front") && l.contains("not pushed again"))
                .noneMatch(l -> l.contains("pushing"));
    }

    @Test
    void onlyRealAwsNeedsImagesBecauseTheLocalCloudRunsTheAppsFromOurClasses() {
        assertThat(AppImagePublisher.neededOn(CloudTarget.aws("eu-west-1", Optional.empty()))).isTrue();
        assertThat(AppImagePublisher.neededOn(CloudTarget.local(java.net.URI.create("http://127.0.0.1:4566")))).isFalse();
        assertThat(AppImagePublisher.neededOn(CloudTarget.endpoint(java.net.URI.create("http://127.0.0.1:4566"),
                "us-east-1", Optional.empty()))).isFalse();
    }

    /** Docker Hub's anonymous pull limit runs out in a classroom; the same image comes from the ECR Public Gallery. */
    @Test
    void theDefaultBaseImageIsTheEcrPublicGalleryMirrorOfTemurinAndBaseImageOverridesIt() {
        assertThat(AppImagePublisher.ofRunningApps(Optional.empty()).baseImage())
                .isEqualTo("public.ecr.aws/docker/library/eclipse-temurin:17-jre");
        assertThat(AppImagePublisher.ofRunningApps(Optional.of("registry.example/jre:17")).baseImage())
                .isEqualTo("registry.example/jre:17");
    }

    @Test
    void eachAppHasItsStackParameter() {
        assertThat(AppImagePublisher.parameterFor(AppImage.FRONT)).isEqualTo("FrontAppImage");
        assertThat(AppImagePublisher.parameterFor(AppImage.COLOR)).isEqualTo("ColorAppImage");
    }
}
