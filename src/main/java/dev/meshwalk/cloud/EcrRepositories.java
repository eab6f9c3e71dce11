package dev.meshwalk.cloud;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/**
 * The tutorial's ECR repositories, {@code <project>/<app>}: created on demand and tagged as ours, asked whether
 * an image tag is already there (so unchanged apps are not pushed again), logged into, and deleted on teardown.
 * Only repositories carrying {@link #MANAGED_KEY}{@code =true} are ever deleted.
 */
public final class EcrRepositories implements AutoCloseable {

    public static final String MANAGED_KEY = "meshwalk:managed";

    private final EcrClient ecr;

    public EcrRepositories(CloudSession session) {
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(60)).build();
        this.ecr = session.configure(EcrClient.builder(), Region.of(session.target().region()), overrides).build();
    }

    /** The repository's URI ({@code <registry>/<name>}), creating it with our tag if it does not exist. */
    public String ensure(String name) {
        try {
            return ecr.describeRepositories(b -> b.repositoryNames(name)).repositories().get(0).repositoryUri();
        } catch (RepositoryNotFoundException e) {
            try {
                return ecr.createRepository(b -> b.repositoryName(name)
                        .tags(Tag.builder().key(MANAGED_KEY).value("true").build())).repository().repositoryUri();
            } catch (SdkException create) {
                throw new DeployException("Could not create the ECR repository " + name + ": " + SdkErrors.summary(create), create);
            }
        } catch (SdkException e) {
            throw new DeployException("Could not look up the ECR repository " + name + ": " + SdkErrors.summary(e), e);
        }
    }

    /** Whether {@code name:tag} exists already. */
    public boolean hasTag(String name, String tag) {
        try {
            return !ecr.describeImages(b -> b.repositoryName(name).imageIds(i -> i.imageTag(tag))).imageDetails().isEmpty();
        } catch (ImageNotFoundException | RepositoryNotFoundException e) {
            return false;
        } catch (SdkException e) {
            throw new DeployException("Could not check the ECR image " + name + ":" + tag + ": " + SdkErrors.summary(e), e);
        }
    }

    /** A login for pushing; the token lives about 12 hours and is kept in memory only. */
    public RegistryLogin login() {
        try {
            AuthorizationData data = ecr.getAuthorizationToken().authorizationData().get(0);
            String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new DeployException("ECR returned an authorization token in an unexpected shape.");
            }
            String host = data.proxyEndpoint().replaceFirst("^https?://", "");
            return new RegistryLogin(host, decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (SdkException e) {
            throw new DeployException("Could not get an ECR login (ecr:GetAuthorizationToken): " + SdkErrors.summary(e), e);
        }
    }

    /** Our repositories whose names start with {@code prefix} (e.g. {@code howto-ecs-basics/}). */
    public List<String> managed(String prefix) {
        List<String> names = new ArrayList<>();
        try {
            for (Repository r : ecr.describeRepositoriesPaginator().repositories()) {
                if (r.repositoryName().startsWith(prefix) && isManaged(r.repositoryArn())) {
                    names.add(r.repositoryName());
                }
            }
        } catch (SdkException e) {
            throw new DeployException("ECR repositories could not be listed: " + SdkErrors.summary(e), e);
        }
        return names;
    }

    private boolean isManaged(String arn) {
        try {
            return ecr.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
                    .anyMatch(t -> MANAGED_KEY.equals(t.key()) && "true".equals(t.value()));
        } catch (SdkException e) {
            return false;
        }
    }

    /** Deletes a repository with its images; refuses one that is not tagged as ours. */
    public int delete(String name) {
        Repository r;
        try {
            r = ecr.describeRepositories(b -> b.repositoryNames(name)).repositories().get(0);
        } catch (RepositoryNotFoundException e) {
            return 0;
        } catch (SdkException e) {
            throw new DeployException("Could not look up the ECR repository " + name + ": " + SdkErrors.summary(e), e);
        }
        if (!isManaged(r.repositoryArn())) {
            throw new DeployException("The ECR repository " + name + " is not tagged " + MANAGED_KEY + "=true; not deleting it.");
        }
        try {
            int images = ecr.listImages(b -> b.repositoryName(name)).imageIds().size();
            ecr.deleteRepository(b -> b.repositoryName(name).force(true));
            return images;
        } catch (SdkException e) {
            throw new DeployException("Could not delete the ECR repository " + name + ": " + SdkErrors.summary(e), e);
        }
    }

    @Override
    public void close() {
        ecr.close();
    }
}
