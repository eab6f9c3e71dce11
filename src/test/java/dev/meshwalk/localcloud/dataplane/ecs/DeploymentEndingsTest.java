package dev.meshwalk.localcloud.dataplane.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a service's deployments end ({@link DeploymentEndings}), on deployments alone: the service-level behaviour
 * (tasks carried over, traffic moved back) is {@code EcsServiceTest}'s and {@code ServiceConnectDeploymentTest}'s.
 */
class DeploymentEndingsTest {

    private static final String DEFINITIONS = "arn:aws:ecs:us-east-1:000000000000:task-definition/app:";
    private static final TaskDefinition OLD = new TaskDefinition(DEFINITIONS + 1, "app", 1, null);
    private static final TaskDefinition NEW = new TaskDefinition(DEFINITIONS + 2, "app", 2, null);

    private final DeploymentHistory history = new DeploymentHistory("cluster", "color",
            new AwsIds("us-east-1", "000000000000"));
    private final ServiceEvents events = new ServiceEvents();
    /** Traffic and alarms are not touched by the endings tested here. */
    private final DeploymentEndings endings = new DeploymentEndings("color", history, events, null, null);

    @Test
    void stopServiceDeploymentIsRefusedForAnotherDeploymentOrOneThatHasFinished() {
        Deployment running = history.start(NEW, DeploymentConfigSpec.defaults(), List.of(OLD), false);

        assertThat(DeploymentEndings.notStoppable(running, running.arn)).isEmpty();
        assertThat(DeploymentEndings.notStoppable(running, "arn:other")).hasValueSatisfying(why ->
                assertThat(why).contains("arn:other is not the service's deployment in progress"));

        running.finish(ServiceDeployment.Status.SUCCESSFUL, "done");
        assertThat(DeploymentEndings.notStoppable(running, running.arn)).hasValueSatisfying(why ->
                assertThat(why).contains("has already finished (SUCCESSFUL)"));
    }

    @Test
    void aRollbackGoesBackToTheRevisionReplacedAndSaysWhyInTheEventsAndTheDeployment() {
        Deployment failed = history.start(NEW, DeploymentConfigSpec.defaults(), List.of(OLD), false);

        Deployment rollback = endings.startRollback(failed, "CloudWatch alarm(s) errors in ALARM",
                DeploymentConfigSpec.defaults()).orElseThrow();

        assertThat(rollback.definition).isSameAs(OLD);
        assertThat(rollback.internal).as("ECS's own rollback is not a service deployment of its own").isTrue();
        assertThat(failed.status).isEqualTo(ServiceDeployment.Status.ROLLBACK_IN_PROGRESS);
        assertThat(failed.statusReason).isEqualTo("ECS deployment " + failed.id + " failed: CloudWatch alarm(s) errors"
                + " in ALARM; rolling back to " + OLD.arn() + ".");
        assertThat(failed.rollback.serviceRevisionArn()).isEqualTo(rollback.revisionArn);
        assertThat(events.newestFirst().get(0).message()).isEqualTo("(service color) " + failed.statusReason);
    }

    @Test
    void aFirstDeploymentOrARollbackHasNothingToRollBackTo() {
        Deployment first = history.start(NEW, DeploymentConfigSpec.defaults(), List.of(), false);
        Deployment rollback = history.start(OLD, DeploymentConfigSpec.defaults(), List.of(NEW), true);

        assertThat(endings.startRollback(first, "why", DeploymentConfigSpec.defaults())).isEmpty();
        assertThat(endings.startRollback(rollback, "why", DeploymentConfigSpec.defaults())).isEmpty();
        assertThat(first.status).isEqualTo(ServiceDeployment.Status.IN_PROGRESS);
        assertThat(events.newestFirst()).isEmpty();
    }

    @Test
    void anUnfinishedDeploymentReplacedByANewerOneStopsAndItsWaitFails() {
        Deployment previous = history.start(NEW, DeploymentConfigSpec.defaults(), List.of(OLD), false);
        Deployment next = history.start(OLD, DeploymentConfigSpec.defaults(), List.of(NEW), false);

        endings.replaced(previous, next);

        assertThat(previous.status).isEqualTo(ServiceDeployment.Status.STOPPED);
        assertThat(previous.statusReason).contains("was replaced by a newer deployment (" + next.id + ")");
        assertThat(previous.steady).isCompletedExceptionally();
    }
}
