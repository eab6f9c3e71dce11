package dev.meshwalk.cloud.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The actions the preflight simulates come from the chapter's template: every resource type is covered. */
class StackActionsTest {

    @Test
    void everyResourceTypeInEveryChapterTemplateHasItsActions() throws IOException {
        for (String chapter : List.of("0-prelude", "1-servicediscovery", "2-meshify", "3-routing", "4-serviceconnect",
                "5-canary")) {
            var types = StackActions.resourceTypes(Files.readString(Path.of("stacks", chapter + ".yaml")));
            assertThat(types).as(chapter).contains("AWS::ECS::Service", "AWS::IAM::Role");
            assertThat(StackActions.BY_TYPE.keySet()).as(chapter).containsAll(types);
        }
    }

    @Test
    void chapterZeroNeedsTheRoleNetworkAndServiceActionsBesidesTheChangeSet() {
        assertThat(StackActions.forChapter("0-prelude")).hasValueSatisfying(a -> assertThat(a)
                .contains("iam:CreateRole", "iam:PassRole", "ec2:CreateNatGateway", "ec2:CreateVpcEndpoint",
                        "ecs:CreateService", "elasticloadbalancing:CreateLoadBalancer", "cloudformation:ExecuteChangeSet",
                        "ecr:PutImage")
                .doesNotContain("servicediscovery:CreatePrivateDnsNamespace"));
        assertThat(StackActions.forChapter("1-servicediscovery")).hasValueSatisfying(a -> assertThat(a)
                .contains("servicediscovery:CreatePrivateDnsNamespace", "route53:CreateHostedZone"));
        assertThat(StackActions.forChapter("9-nothing")).isEmpty();
    }

    @Test
    void serviceConnectChaptersNeedTheHttpNamespaceAndChapterFiveItsAlarm() {
        assertThat(StackActions.forChapter("4-serviceconnect")).hasValueSatisfying(a -> assertThat(a)
                .contains("servicediscovery:CreateHttpNamespace", "ecs:CreateService")
                .doesNotContain("cloudwatch:PutMetricAlarm", "appmesh:CreateMesh"));
        assertThat(StackActions.forChapter("5-canary")).hasValueSatisfying(a -> assertThat(a)
                .contains("servicediscovery:CreateHttpNamespace", "cloudwatch:PutMetricAlarm"));
    }
}
