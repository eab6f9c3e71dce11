package dev.meshwalk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.PlannedChange;
import dev.meshwalk.cloud.PlannedChange.Action;
import dev.meshwalk.cloud.ResourceTypes;
import dev.meshwalk.core.ChangePreview;
import dev.meshwalk.effects.DeploySteps;

/** The change-set preview the deploy pane and the scripted deploy show, from the cloud's plan. */
class ChangePreviewTest {

    private static PlannedChange change(Action a, String id, String type, String replacement) {
        return new PlannedChange(a, id, type, Optional.ofNullable(replacement), ResourceTypes.describe(type));
    }

    @Test
    void eachChangeShowsSymbolTypeMeaningAndReplacement() {
        DeployPlan.Ready plan = new DeployPlan.Ready("meshwalk-x", "arn:cs", false, List.of(
                change(Action.ADD, "ColorV2Service", "AWS::ECS::Service", null),
                change(Action.MODIFY, "ColorService", "AWS::ECS::Service", "True"),
                change(Action.MODIFY, "FrontTaskDef", "AWS::ECS::TaskDefinition", "False"),
                change(Action.REMOVE, "ColorTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", null)));
        List<String> lines = ChangePreview.lines(DeploySteps.changeSet(plan, java.util.Map.of(), java.util.Map.of()));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("  + ColorV2Service").contains("ECS::Service")
                .contains("keeps the desired number of copies of a task running").doesNotContain("[");
        assertThat(lines.get(1)).startsWith("  ~ ColorService").endsWith("[replaced]");
        assertThat(lines.get(2)).startsWith("  ~ FrontTaskDef").endsWith("[in place]");
        assertThat(lines.get(3)).startsWith("  - ColorTargetGroup").contains("ElasticLoadBalancingV2::TargetGroup");
        assertThat(lines.get(4)).isEqualTo("  1 to add, 2 to modify (1 replaced), 1 to remove");
    }

    @Test
    void parametersThatChangeComeFirstWithTheirOldAndNewValue() {
        DeployPlan.Ready plan = new DeployPlan.Ready("meshwalk-x", "arn:cs", false, List.of(
                change(Action.MODIFY, "ColorRoute", "AWS::AppMesh::Route", "False")));
        List<String> lines = ChangePreview.lines(DeploySteps.changeSet(plan,
                java.util.Map.of("ColorWeight", "90", "ColorV2Weight", "50", "XRayDaemonImage", "x"),
                java.util.Map.of("ColorWeight", "50", "ColorV2Weight", "50", "TasksPerService", "3")));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("  parameter ColorWeight: 50 -> 90");
        assertThat(lines.get(1)).startsWith("  ~ ColorRoute");
    }

    @Test
    void columnsLineUpAcrossRows() {
        DeployPlan.Ready plan = new DeployPlan.Ready("s", "cs", true, List.of(
                change(Action.ADD, "A", "AWS::EC2::VPC", null),
                change(Action.ADD, "LongerLogicalId", "AWS::Logs::LogGroup", null)));
        List<String> lines = ChangePreview.lines(DeploySteps.changeSet(plan, java.util.Map.of(), java.util.Map.of()));
        assertThat(lines.get(0).indexOf("EC2::VPC")).isEqualTo(lines.get(1).indexOf("Logs::LogGroup"));
    }

    @Test
    void chaptersResolveByNumberIdOrName() {
        assertThat(ChapterRef.parse("3")).map(ChapterRef::id).contains("3-routing");
        assertThat(ChapterRef.parse("1-servicediscovery")).map(ChapterRef::id).contains("1-servicediscovery");
        assertThat(ChapterRef.parse("Meshify")).map(ChapterRef::id).contains("2-meshify");
        assertThat(ChapterRef.parse("7")).isEmpty();
    }
}
