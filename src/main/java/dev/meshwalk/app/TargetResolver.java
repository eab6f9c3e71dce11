package dev.meshwalk.app;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.meshwalk.cloud.AwsEnvironment;
import dev.meshwalk.cloud.AwsTargets;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudSetupException;
import dev.meshwalk.cloud.CloudTarget;

/**
 * Decides which target a scripted subcommand talks to: {@code --aws}, else {@code --endpoint-url} /
 * {@code AWS_ENDPOINT_URL}, else the user's one local cloud ({@link BackgroundLocalCloud}): started on demand by
 * commands that create things, and by every command when a stopped local cloud left saved stacks (they come back
 * when it starts); otherwise the read-only commands report that nothing is running.
 */
final class TargetResolver {

    /** Whether a command may start a local cloud when none is running. */
    enum LocalCloudUse { START_IF_NEEDED, ONLY_IF_RUNNING }

    /** The chosen target and what is needed to open a session on it. */
    record Resolved(CloudTarget target, AwsEnvironment env, boolean profileFromFlag) {
        CloudSession open() {
            return CloudSession.open(target, env, profileFromFlag);
        }
    }

    private final AwsEnvironment env;
    private final BackgroundLocalCloud localCloud;

    TargetResolver(AwsEnvironment env, BackgroundLocalCloud localCloud) {
        this.env = env;
        this.localCloud = localCloud;
    }

    static TargetResolver current() {
        return forEnvironment(System.getenv());
    }

    static TargetResolver forEnvironment(java.util.Map<String, String> variables) {
        AwsEnvironment env = AwsEnvironment.of(variables);
        return new TargetResolver(env, BackgroundLocalCloud.forEnvironment(env.env()));
    }

    BackgroundLocalCloud localCloud() {
        return localCloud;
    }

    /** The target, or empty when it is the local cloud, none runs and the command may not start one. */
    Optional<Resolved> resolve(TargetOptions options, LocalCloudUse use, Consumer<String> say) {
        try {
            options.resolve(env.env()); // the same flag checks as the interactive tutorial
        } catch (TargetOptions.InvalidTargetException e) {
            throw new CloudSetupException(e.getMessage(), List.of("see --help for the target flags"));
        }
        if (options.aws()) {
            return Optional.of(new Resolved(AwsTargets.aws(options.region(), options.profile(), env), env,
                    options.profile().isPresent()));
        }
        Optional<String> endpoint = options.endpointUrl()
                .or(() -> Optional.ofNullable(env.env().get("AWS_ENDPOINT_URL")).filter(u -> !u.isBlank()));
        if (endpoint.isPresent()) {
            return Optional.of(new Resolved(AwsTargets.endpoint(endpoint.get(), options.region(), options.profile(), env),
                    env, options.profile().isPresent()));
        }
        Optional<URI> local = use == LocalCloudUse.START_IF_NEEDED || localCloud.hasSavedState()
                ? Optional.of(localCloud.ensureRunning(say).endpoint())
                : localCloud.find().map(BackgroundLocalCloud.Running::endpoint);
        return local.map(uri -> new Resolved(CloudTarget.local(uri), env, false));
    }
}
