package dev.meshwalk.app;

import java.util.Optional;

import dev.meshwalk.cloud.RegistryLogin;

/**
 * Where the app images go: on AWS the tutorial's ECR repositories ({@link EcrImageRegistry}). An interface so the
 * image step can be proven end to end against a container registry on loopback, which the local cloud (no ECR)
 * cannot provide.
 */
interface ImageRegistry extends AutoCloseable {

    /** The repository's address ({@code <registry host>/<name>}), creating the repository if needed. */
    String ensure(String repository);

    /** Whether {@code repository:tag} is there already (then the same content need not be pushed again). */
    boolean hasTag(String repository, String tag);

    /** The login for pushing, asked for once per deploy; empty when the registry needs none. */
    Optional<RegistryLogin> login();

    /**
     * True only for a test's registry on loopback, whose TLS certificate is self-signed; ECR is always verified
     * HTTPS.
     */
    default boolean insecureLoopback() {
        return false;
    }

    @Override
    void close();
}
