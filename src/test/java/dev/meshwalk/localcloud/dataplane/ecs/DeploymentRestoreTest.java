package dev.meshwalk.localcloud.dataplane.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deployment saved by one local cloud and read by the next ({@link Deployment#saved}, {@link Deployment#restored}):
 * a finished one comes back as it was; one the previous local cloud was stopped in the middle of ends as STOPPED,
 * saying why, since its tasks are gone.
 */
class DeploymentRestoreTest {

    private static final String OLD = "arn:aws:ecs:us-east-1:000000000000:task-definition/app:1";
    private static final String NEW = "arn:aws:ecs:us-east-1:000000000000:task-definition/app:2";

    private static TaskDefinition standIn(String arn) {
        return new TaskDefinition(arn, "app", Integer.parseInt(arn.substring(arn.lastIndexOf(':') + 1)), null);
    }

    private static Deployment deployment() {
        return new Deployment("ecs-svc/123", "arn:dep", "arn:rev", standIn(NEW), DeploymentConfigSpec.defaults(),
                List.of(standIn(OLD)), false);
    }

    @Test
    void aFinishedDeploymentComesBackAsItWas() {
        Deployment d = deployment();
        d.taskFailed();
        d.stage("CLEAN_UP", null);
        d.finish(ServiceDeployment.Status.SUCCESSFUL, "Service deployment completed successfully.");

        Deployment back = Deployment.restored(d.saved(), DeploymentRestoreTest::standIn);

        assertThat(back.saved()).isEqualTo(d.saved());
        assertThat(back.definition.arn()).isEqualTo(NEW);
        assertThat(back.sources).extracting(TaskDefinition::arn).containsExactly(OLD);
        assertThat(back.createdAt).isEqualTo(d.createdAt);
    }

    @Test
    void oneCutOffByTheStopEndsStoppedSayingWhy() {
        Deployment d = deployment();
        d.stage("BAKE_TIME", Instant.now().plusSeconds(60));

        Deployment back = Deployment.restored(d.saved(), DeploymentRestoreTest::standIn);

        assertThat(back.status).isEqualTo(ServiceDeployment.Status.STOPPED);
        assertThat(back.statusReason).contains("The local cloud stopped during this deployment")
                .contains("IN_PROGRESS, BAKE_TIME");
        assertThat(back.finishedAt).isNotNull();
        assertThat(back.phaseEndsAt).isNull();
        assertThat(back.steady).isDone();
    }
}
