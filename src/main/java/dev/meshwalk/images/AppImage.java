package dev.meshwalk.images;

import java.util.List;

/**
 * The tutorial's two demo apps as container images: which main class each runs. The same classes run as local
 * tasks in the local cloud, so the image only adds a JRE and an entrypoint.
 */
public enum AppImage {
    FRONT("front", "dev.meshwalk.apps.front.FrontApp"),
    COLOR("color", "dev.meshwalk.apps.color.ColorApp");

    /** Where the app classes and the library jar go in the image. */
    public static final String CLASSES_DIR = "/app/classes";
    public static final String LIBS_DIR = "/app/libs";
    /** The port both apps listen on by default ({@code PORT}). */
    public static final int PORT = 8080;

    private final String app;
    private final String mainClass;

    AppImage(String app, String mainClass) {
        this.app = app;
        this.mainClass = mainClass;
    }

    /** The short name, also the last part of the ECR repository name ({@code <project>/<app>}). */
    public String app() {
        return app;
    }

    public String mainClass() {
        return mainClass;
    }

    /** {@code java -cp /app/classes:/app/libs/* <main>}: the JRE's {@code java} from the base image's PATH. */
    public List<String> entrypoint() {
        return List.of("java", "-cp", CLASSES_DIR + ":" + LIBS_DIR + "/*", mainClass);
    }

    /** The ECR repository for this app in a project. */
    public String repository(String project) {
        return project + "/" + app;
    }
}
