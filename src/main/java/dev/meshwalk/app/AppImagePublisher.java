package dev.meshwalk.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.RegistryLogin;
import dev.meshwalk.images.AppFiles;
import dev.meshwalk.images.AppImage;
import dev.meshwalk.images.AppImageBuilder;

/**
 * The image step of a deploy on AWS, shared by the scripted {@code deploy} ({@link DeployCommand}) and the
 * interactive one ({@link TutorialActionSupport}): builds {@code front} and {@code color} with Jib, pushes each
 * to its repository unless the content tag is there already, and returns the stack parameters that name them
 * ({@code FrontAppImage}, {@code ColorAppImage}). Progress goes to the caller as lines.
 */
final class AppImagePublisher {

    private final String baseImage;
    private final Supplier<AppFiles> files;

    AppImagePublisher(String baseImage, Supplier<AppFiles> files) {
        this.baseImage = baseImage;
        this.files = files;
    }

    /** A publisher of the running tutorial's own app classes on {@code baseImage} (default when empty). */
    static AppImagePublisher ofRunningApps(Optional<String> baseImage) {
        return new AppImagePublisher(baseImage.orElse(AppImageBuilder.DEFAULT_BASE_IMAGE), AppFiles::fromRunningClasspath);
    }

    /**
     * Whether a deploy on this target needs the images. Only real AWS does: the local cloud runs the apps from the
     * tutorial's own classes for any image whose repository ends in {@code front} or {@code color}, so building
     * images there would only cost time.
     */
    static boolean neededOn(CloudTarget target) {
        return target.kind() == CloudTarget.Kind.AWS;
    }

    /** The stack parameter that names an app's image. */
    static String parameterFor(AppImage app) {
        return app == AppImage.FRONT ? "FrontAppImage" : "ColorAppImage";
    }

    String baseImage() {
        return baseImage;
    }

    /**
     * Builds and pushes what changed; returns {@code FrontAppImage}/{@code ColorAppImage} mapped to
     * {@code <repository uri>:<content tag>}. Throws {@link dev.meshwalk.images.ImageBuildException} (build, pull
     * or push failed) or {@link dev.meshwalk.cloud.DeployException} (the registry's API refused).
     */
    Map<String, String> publish(ImageRegistry registry, String project, Consumer<String> progress) {
        Map<String, String> params = new LinkedHashMap<>();
        progress.accept("Images: front and color on " + baseImage + " (built with Jib, no Docker needed).");
        try (AppImageBuilder builder = AppImageBuilder.inTempDir(files.get())) {
            RegistryLogin login = null;
            boolean loginAsked = false;
            for (AppImage app : AppImage.values()) {
                String repo = app.repository(project);
                String uri = registry.ensure(repo);
                String tag = builder.contentTag(app, baseImage);
                String ref = uri + ":" + tag;
                if (registry.hasTag(repo, tag)) {
                    progress.accept("  image " + app.app() + ": " + ref + " is already there (unchanged), not pushed again.");
                } else {
                    if (!loginAsked) {
                        login = registry.login().orElse(null); // asked only when something must be pushed
                        loginAsked = true;
                    }
                    progress.accept("  image " + app.app() + ": pushing " + ref);
                    builder.push(app, baseImage, ref, login == null ? null : login.username(),
                            login == null ? null : login.password(), registry.insecureLoopback(), progress);
                    progress.accept("  image " + app.app() + ": pushed.");
                }
                params.put(parameterFor(app), ref);
            }
        }
        return params;
    }
}
