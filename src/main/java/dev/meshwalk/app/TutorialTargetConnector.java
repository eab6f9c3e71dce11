package dev.meshwalk.app;

import java.util.function.Consumer;

import dev.meshwalk.cloud.AwsEnvironment;
import dev.meshwalk.cloud.AwsTargets;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.Identity;
import dev.meshwalk.core.Target;
import dev.meshwalk.effects.TargetConnector;
import dev.meshwalk.localcloud.LocalCloud;
import dev.meshwalk.localcloud.LocalCloudServices;
import dev.meshwalk.localcloud.LocalCloudStartException;

/**
 * Opens the interactive tutorial's target: by default an embedded local cloud in this JVM (ephemeral port on
 * 127.0.0.1, the default services and the data plane), stopped when the tutorial ends; with {@code --aws} or
 * {@code --endpoint-url} a session on that target (AWS: STS names the account for the status bar). Lives in
 * {@code app} because only the composition root may start the local cloud.
 */
final class TutorialTargetConnector implements TargetConnector {

    private final TargetOptions options;
    private final AwsEnvironment env;

    TutorialTargetConnector(TargetOptions options, AwsEnvironment env) {
        this.options = options;
        this.env = env;
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
        LocalCloud cloud;
        try {
            cloud = LocalCloudServices.addDefaults(LocalCloud.builder().host("127.0.0.1").port(0)).build().start();
        } catch (LocalCloudStartException e) {
            throw new dev.meshwalk.cloud.CloudSetupException("The embedded local cloud did not start: " + e.getMessage(),
                    java.util.List.of("see the log file", "or run `localcloud start` and pass --endpoint-url"), e);
        }
        try {
            CloudSession session = CloudSession.local(CloudTarget.local(cloud.endpoint()));
            return new Connection(session, new Target(Target.Kind.LOCAL, "LOCAL " + cloud.endpoint()), cloud);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }
}
