package dev.meshwalk.app;

import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.EcrRepositories;
import dev.meshwalk.cloud.RegistryLogin;

/** The tutorial's ECR repositories as an {@link ImageRegistry}: created on demand, tagged as ours. */
final class EcrImageRegistry implements ImageRegistry {

    private final EcrRepositories ecr;

    EcrImageRegistry(CloudSession session) {
        this.ecr = new EcrRepositories(session);
    }

    @Override
    public String ensure(String repository) {
        return ecr.ensure(repository);
    }

    @Override
    public boolean hasTag(String repository, String tag) {
        return ecr.hasTag(repository, tag);
    }

    @Override
    public Optional<RegistryLogin> login() {
        return Optional.of(ecr.login());
    }

    @Override
    public void close() {
        ecr.close();
    }
}
