package dev.meshwalk.app;

import java.util.Optional;
import java.util.function.Consumer;

import dev.meshwalk.cloud.AwsEnvironment;
import dev.meshwalk.cloud.AwsTargets;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.Identity;
import dev.meshwalk.core.Target;
import dev.meshwalk.effects.TargetConnector;

/**
 * Opens the interactive tutorial's target: by default the user's one local cloud ({@link BackgroundLocalCloud}:
 * attached if it runs, started in the background if not), which outlives the tutorial; with {@code --aws} or
 * {@code --endpoint-url} a session on that target (AWS: STS names the account for the status bar). Lives in
 * {@code app} because only the composition root may start the local cloud.
 */
final class TutorialTargetConnector implements TargetConnector {

    private final TargetOptions options;
    private final AwsEnvironment env;
    private final BackgroundLocalCloud localCloud;
    private volatile BackgroundLocalCloud.Running attached;

    TutorialTargetConnector(TargetOptions options, AwsEnvironment env, BackgroundLocalCloud localCloud) {
        this.options = options;
        this.env = env;
        this.localCloud = localCloud;
    }

    /** The shared local cloud this tutorial attached to, if it did (for the question on quit). */
    Optional<BackgroundLocalCloud.Running> attached() {
        return Optional.ofNullable(attached);
    }

    @Override
    public Connection connect(Consumer<String> progress) {
        if (options.aws()) {
            progress.accept("checking AWS credentials");
            CloudTarget target = AwsTargets.aws(options.region(), options.profile(), env);
            CloudSession session = CloudSession.open(target, env, options.profile().isPresent());
            Identity me = session.identity();
            return new Connection(session, new Target(Target.Kind.AWS, "AWS " + me.describe()
                    + target.profile().map(p -> " (profile " + p + ")").orElse("")), () -> { });
        }
        String endpoint = options.endpointUrl().orElse(env.env().get("AWS_ENDPOINT_URL"));
        if (endpoint != null && !endpoint.isBlank()) {
            CloudTarget target = AwsTargets.endpoint(endpoint.strip(), options.region(), options.profile(), env);
            return new Connection(CloudSession.open(target, env, false),
                    Target.endpoint(endpoint.strip()), () -> { });
        }
        progress.accept("local cloud");
        BackgroundLocalCloud.Running running = localCloud.ensureRunning(progress);
        attached = running;
        CloudSession session = CloudSession.local(CloudTarget.local(running.endpoint()));
        return new Connection(session, new Target(Target.Kind.LOCAL, "LOCAL " + running.endpoint()), () -> { });
    }
}
