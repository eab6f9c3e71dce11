package dev.meshwalk.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.event.events.ProgressEvent;

/**
 * Builds the {@code front} and {@code color} images with Jib, without a Docker daemon: two layers on a Java 17
 * base image (libraries first, since they change less often, then the app classes), the entrypoint
 * {@link AppImage#entrypoint()}, {@code PORT=8080} and port 8080 exposed. The tag is a hash of the layers'
 * content, the base image and the entrypoint, so an unchanged app gets the same tag and need not be pushed again.
 *
 * <p>Jib's caches go under a directory the caller owns (deleted on {@link #close()} when we made it), so no
 * build leaves files in the user's home. Jib's own threads come from one named executor, shut down on close.
 */
public final class AppImageBuilder implements AutoCloseable {

    /**
     * A small Java 17 runtime image: Docker Hub's official {@code eclipse-temurin:17-jre}, pulled from its mirror on
     * the Amazon ECR Public Gallery ({@code docker/library/...}). Docker Hub limits anonymous pulls per address, which a
     * classroom behind one NAT runs out of; the gallery's anonymous pulls have no such per-address limit for a build
     * like ours. Overridable with {@code --base-image} / {@code MESHWALK_BASE_IMAGE}.
     */
    public static final String DEFAULT_BASE_IMAGE = "public.ecr.aws/docker/library/eclipse-temurin:17-jre";

    private final AppFiles files;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final ExecutorService jibThreads;
    private boolean staged;

    public AppImageBuilder(AppFiles files, Path workDir) {
        this(files, workDir, false);
    }

    private AppImageBuilder(AppFiles files, Path workDir, boolean ownsWorkDir) {
        this.files = files;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        AtomicInteger n = new AtomicInteger();
        // Jib's build steps wait on each other inside the executor, so a small fixed pool deadlocks; its step
        // graph is finite, so a cached pool stays small (a dozen threads at most for two layers).
        this.jibThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "meshwalk-image-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder working in a fresh temporary directory that {@link #close()} removes. */
    public static AppImageBuilder inTempDir(AppFiles files) {
        try {
            return new AppImageBuilder(files, Files.createTempDirectory("meshwalk-images-"), true);
        } catch (IOException e) {
            throw new ImageBuildException("Cannot create a working directory for the image build: " + e.getMessage(), e);
        }
    }

    /** The content tag for {@code app} on {@code baseImage}: 16 hex digits of a SHA-256. */
    public String contentTag(AppImage app, String baseImage) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(files.contentHash().getBytes(StandardCharsets.UTF_8));
            sha.update(("\n" + baseImage + "\n" + String.join(" ", app.entrypoint())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Builds {@code app} on a base image saved as a tarball ({@code docker save} format) into {@code out}. */
    public JibContainer buildToTar(AppImage app, Path baseTar, Path out, String imageName) {
        try {
            Containerizer to = Containerizer.to(TarImage.at(out).named(imageName));
            return containerize(app, Jib.from(TarImage.at(baseTar)), to, line -> { });
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("'" + imageName + "' is not a valid image name: " + e.getMessage(), e);
        }
    }

    /**
     * Builds {@code app} on {@code baseImage} (pulled from its registry) and pushes it to {@code imageRef}
     * (e.g. {@code <registry>/<project>/front:<tag>}) with the given login, reporting upload progress.
     */
    public JibContainer push(AppImage app, String baseImage, String imageRef, String username, String password,
            Consumer<String> progress) {
        return push(app, baseImage, imageRef, username, password, false, progress);
    }

    /**
     * As {@link #push(AppImage, String, String, String, String, Consumer)}, with two more choices: no login
     * ({@code username} null), and {@code insecure} to accept a registry on loopback with a self-signed certificate
     * or plain HTTP (a test's registry; ECR is always verified HTTPS, so the product passes false).
     * {@code baseImage} may also name a tarball as {@code tar:///path/base.tar}, which is how tests build offline.
     */
    public JibContainer push(AppImage app, String baseImage, String imageRef, String username, String password,
            boolean insecure, Consumer<String> progress) {
        try {
            RegistryImage target = RegistryImage.named(imageRef);
            if (username != null) {
                target.addCredential(username, password);
            }
            Containerizer to = Containerizer.to(target).setToolName("meshwalk").setAllowInsecureRegistries(insecure);
            return containerize(app, Jib.from(baseImage), to, progress);
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("'" + e.getMessage() + "' is not a valid image reference.", e);
        }
    }

    private JibContainer containerize(AppImage app, JibContainerBuilder base, Containerizer to, Consumer<String> progress) {
        try {
            stageOnce();
            JibContainerBuilder builder = base
                    .setFileEntriesLayers(
                            FileEntriesLayer.builder().setName("libraries")
                                    .addEntryRecursive(workDir.resolve("stage/libs"), AbsoluteUnixPath.get(AppImage.LIBS_DIR)).build(),
                            FileEntriesLayer.builder().setName("classes")
                                    .addEntryRecursive(workDir.resolve("stage/classes"), AbsoluteUnixPath.get(AppImage.CLASSES_DIR)).build())
                    .setEntrypoint(app.entrypoint())
                    .setProgramArguments(java.util.List.of())
                    .addEnvironmentVariable("PORT", Integer.toString(AppImage.PORT))
                    .setExposedPorts(Port.tcp(AppImage.PORT))
                    .setLabels(Map.of("meshwalk.app", app.app()));
            to.setBaseImageLayersCache(workDir.resolve("cache/base"))
                    .setApplicationLayersCache(workDir.resolve("cache/app"))
                    .setExecutorService(jibThreads)
                    .addEventHandler(ProgressEvent.class, new ProgressLines(app.app(), progress));
            return builder.containerize(to);
        } catch (IOException | CacheDirectoryCreationException e) {
            throw failure("Building the " + app.app() + " image failed: ", e);
        } catch (RegistryException e) {
            throw failure("The registry refused the " + app.app() + " image: ", e);
        } catch (ExecutionException e) {
            throw failure("Building the " + app.app() + " image failed: ", e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Building the " + app.app() + " image was interrupted.", e);
        }
    }

    static ImageBuildException failure(String what, Throwable cause) {
        ImageBuildException.Reason reason = classify(cause);
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (reason == ImageBuildException.Reason.UNREACHABLE) {
            detail = "could not reach " + unreachableHost(cause) + " (" + detail + ")";
        }
        return new ImageBuildException(what + detail, reason, cause);
    }

    /**
     * Which kind of trouble a Jib failure is: a network that does not reach the registry (no route, no DNS, refused,
     * timed out) or a registry that refused us (Jib's unauthorized error, HTTP 401/403, "denied"). Package-private
     * for the test that feeds it the exceptions Jib and the JDK throw.
     */
    static ImageBuildException.Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return ImageBuildException.Reason.UNREACHABLE;
            }
            if (t instanceof com.google.cloud.tools.jib.api.RegistryUnauthorizedException) {
                return ImageBuildException.Reason.DENIED;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("401 unauthorized") || m.contains("403 forbidden") || m.contains("denied")
                    || m.contains("unauthorized")) {
                return ImageBuildException.Reason.DENIED;
            }
        }
        return ImageBuildException.Reason.OTHER;
    }

    private static String unreachableHost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException && t.getMessage() != null) {
                return t.getMessage().split(":")[0];
            }
        }
        return "the registry";
    }

    private synchronized void stageOnce() throws IOException {
        if (!staged) {
            files.stage(workDir.resolve("stage"));
            staged = true;
        }
    }

    @Override
    public void close() {
        jibThreads.shutdownNow();
        if (ownsWorkDir) {
            try (Stream<Path> all = Files.walk(workDir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp directory
            }
        }
    }

    /** Turns Jib's progress events into a line at every 10 % step. */
    private static final class ProgressLines implements Consumer<ProgressEvent> {
        private final String app;
        private final Consumer<String> out;
        private double done;
        private int lastStep = -1;

        ProgressLines(String app, Consumer<String> out) {
            this.app = app;
            this.out = out;
        }

        @Override
        public synchronized void accept(ProgressEvent e) {
            done += e.getUnits() * e.getAllocation().getFractionOfRoot();
            int step = (int) Math.min(10, Math.floor(done * 10 + 1e-9));
            if (step > lastStep) {
                lastStep = step;
                out.accept("  image " + app + ": " + step * 10 + " % (" + e.getAllocation().getDescription() + ")");
            }
        }
    }
}
