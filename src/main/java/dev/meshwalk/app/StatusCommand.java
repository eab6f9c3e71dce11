package dev.meshwalk.app;

import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.facts.EcsDeployment;
import dev.meshwalk.cloud.ServiceDeployments;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.core.EcsDeploymentText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code status}: which target, whether a local cloud runs, the stack's status, chapter and endpoint, and the newest
 * ECS deployment of each of its services.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what is deployed where: target, local cloud, stack status, chapter, endpoint.")
public final class StatusCommand extends CloudCommand {

    @Mixin
    ProjectOption project;

    /** The ECS deployment of each service, in the deploy pane's words (chapter 5's canary and its rollback). */
    private void deployments(CloudSession session, String stackName) {
        try {
            for (EcsDeployment d : ServiceDeployments.ofStack(session, stackName)) {
                console.line("Deployment:  " + EcsDeploymentText.summary(d));
            }
        } catch (DeployException e) {
            console.line("Deployment:  unknown (" + e.getMessage() + ")");
        }
    }

    @Override
    int run() {
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.line("Target:      local cloud");
            console.line("Local cloud: not running (a scripted `deploy` starts one in the background)");
            console.line("Stack:       none (nothing is deployed)");
            return 0;
        }
        try (CloudSession session = resolved.get().open()) {
            CloudTarget target = session.target();
            if (target.kind() == CloudTarget.Kind.AWS) {
                console.line("Target:      AWS " + session.identity().describe()
                        + target.profile().map(p -> " (profile " + p + ")").orElse(""));
            } else {
                console.line("Target:      " + target.describe());
            }
            if (target.kind() == CloudTarget.Kind.LOCAL) {
                resolver.localCloud().find().ifPresent(r -> console.line("Local cloud: running at " + r.endpoint()
                        + ", pid " + r.pid() + " (shared by every tutorial of this user; `localcloud stop` stops it)"));
            }
            Optional<StackInfo> stack = new Stacks(session).find(project.stackName());
            if (stack.isEmpty()) {
                console.line("Stack:       " + project.stackName() + " does not exist (nothing is deployed)");
                return 0;
            }
            StackInfo s = stack.get();
            console.line("Stack:       " + s.name() + " " + s.status() + s.statusReason().map(r -> " (" + r + ")").orElse(""));
            console.line("Chapter:     " + s.chapter().orElse("unknown (no " + StackInfo.CHAPTER_TAG + " tag)"));
            console.line("Endpoint:    " + s.frontEndpoint().orElse("none yet"));
            deployments(session, s.name());
            return 0;
        }
    }
}
