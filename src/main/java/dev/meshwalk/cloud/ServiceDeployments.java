package dev.meshwalk.cloud;

import dev.meshwalk.facts.EcsDeployment;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** The ECS deployments of a stack's services as they are now, for {@code status} (chapters 4 and 5's canary). */
public final class ServiceDeployments {

    private ServiceDeployments() {
    }

    /**
     * The newest deployment of each ECS service in the stack, in the stack's order; throws {@link DeployException}
     * with the reason when the stack's resources or the deployments cannot be read.
     */
    public static List<EcsDeployment> ofStack(CloudSession session, String stackName) {
        ServiceDeploymentFollower reader = ServiceDeploymentFollower.of(session);
        List<EcsDeployment> found = new ArrayList<>();
        try {
            for (StackResource r : session.cloudFormation().describeStackResources(b -> b.stackName(stackName))
                    .stackResources()) {
                if ("AWS::ECS::Service".equals(r.resourceType())) {
                    reader.newest(r.physicalResourceId()).ifPresent(found::add);
                }
            }
        } catch (SdkException e) {
            throw new DeployException("Could not read the ECS deployments of " + stackName + ": " + SdkErrors.summary(e), e);
        }
        return found;
    }
}
