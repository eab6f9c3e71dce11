package dev.meshwalk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.meshwalk.facts.PermissionCheck;
import dev.meshwalk.facts.PreflightFacts;

import org.junit.jupiter.api.Test;

/** The preflight decisions, one fact at a time, without any account. */
class PreflightRulesTest {

    private static PreflightFacts facts(String chapter, boolean meshCheck, Optional<Boolean> ecsRole, boolean stackExists,
            OptionalInt eips, OptionalInt eipLimit, OptionalInt vpcs) {
        return new PreflightFacts(chapter, "eu-west-1", meshCheck, Optional.of(true), ecsRole, stackExists, eips,
                eipLimit, vpcs, OptionalInt.empty(), PermissionCheck.checked("arn:aws:iam::123456789012:user/learner", 60,
                        List.of()));
    }

    private static PreflightFacts healthy(String chapter) {
        return facts(chapter, true, Optional.of(true), false, OptionalInt.of(1), OptionalInt.of(5), OptionalInt.of(1));
    }

    private static String text(List<Finding> findings) {
        return String.join("\n", findings.stream().map(Finding::line).toList());
    }

    @Test
    void meshChaptersStopBeforeAnythingIsCreatedAndOfferTheLocalCloud() {
        for (String chapter : List.of("2-meshify", "3-routing")) {
            List<Finding> f = PreflightRules.evaluate(healthy(chapter));
            assertThat(PreflightRules.stops(f)).isTrue();
            assertThat(f.get(0).message()).contains("App Mesh").contains("2026-09-30").contains("Nothing was created");
            assertThat(f.get(0).nextStep()).contains("without --aws");
            assertThat(text(f)).contains("AWSServiceRoleForAppMesh").contains("moot");
        }
    }

    @Test
    void switchingOffTheMeshPreflightLetsTheOtherChecksRun() {
        List<Finding> f = PreflightRules.evaluate(facts("3-routing", false, Optional.of(true), false,
                OptionalInt.of(0), OptionalInt.empty(), OptionalInt.of(0)));
        assertThat(PreflightRules.stops(f)).isFalse();
        assertThat(text(f)).contains("App Mesh preflight is switched off").contains("Elastic IPs: 0 of 5");
    }

    @Test
    void chaptersWithoutMeshPassWhenTheAccountHasRoom() {
        List<Finding> f = PreflightRules.evaluate(healthy("0-prelude"));
        assertThat(f).allMatch(x -> x.level() == Finding.Level.OK);
    }

    @Test
    void serviceConnectChaptersAreNotStoppedByTheAppMeshEndOfLife() {
        for (String chapter : List.of("4-serviceconnect", "5-canary")) {
            List<Finding> f = PreflightRules.evaluate(healthy(chapter));
            assertThat(f).as(chapter).allMatch(x -> x.level() == Finding.Level.OK);
            assertThat(f).as(chapter).noneMatch(x -> x.message().contains("App Mesh"));
        }
    }

    @Test
    void missingEcsRoleWarnsWithTheCommandThatCreatesIt() {
        List<Finding> f = PreflightRules.evaluate(facts("1-servicediscovery", true, Optional.of(false), false,
                OptionalInt.of(0), OptionalInt.of(5), OptionalInt.of(0)));
        Finding role = f.stream().filter(x -> x.message().contains("AWSServiceRoleForECS")).findFirst().orElseThrow();
        assertThat(role.level()).isEqualTo(Finding.Level.WARN);
        assertThat(role.nextStep()).isEqualTo("aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com");
        assertThat(PreflightRules.stops(f)).isFalse();
    }

    @Test
    void tooFewElasticIpsLeftForTwoNatGatewaysWarns() {
        List<Finding> f = PreflightRules.evaluate(facts("0-prelude", true, Optional.of(true), false,
                OptionalInt.of(4), OptionalInt.of(5), OptionalInt.of(1)));
        assertThat(f).anyMatch(x -> x.level() == Finding.Level.WARN && x.message().contains("4 of 5")
                && x.nextStep().contains("Service Quotas"));
    }

    @Test
    void exactlyTwoFreeElasticIpsFit() {
        List<Finding> f = PreflightRules.evaluate(facts("0-prelude", true, Optional.of(true), false,
                OptionalInt.of(3), OptionalInt.empty(), OptionalInt.of(1)));
        assertThat(f).noneMatch(x -> x.level() == Finding.Level.WARN);
    }

    @Test
    void vpcLimitReachedWarns() {
        List<Finding> f = PreflightRules.evaluate(facts("0-prelude", true, Optional.of(true), false,
                OptionalInt.of(0), OptionalInt.of(5), OptionalInt.of(5)));
        assertThat(f).anyMatch(x -> x.level() == Finding.Level.WARN && x.message().startsWith("VPCs: 5 of 5"));
    }

    @Test
    void anExistingStackNeedsNoNewAddressesOrVpc() {
        List<Finding> f = PreflightRules.evaluate(facts("1-servicediscovery", true, Optional.of(true), true,
                OptionalInt.of(5), OptionalInt.of(5), OptionalInt.of(5)));
        assertThat(f).noneMatch(x -> x.level() == Finding.Level.WARN);
        assertThat(text(f)).contains("exists already");
    }

    @Test
    void factsThatCouldNotBeReadAreSaidNotGuessed() {
        PreflightFacts unknown = facts("0-prelude", true, Optional.empty(), false,
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        List<Finding> f = PreflightRules.evaluate(new PreflightFacts(unknown.chapterId(), unknown.region(), true,
                unknown.appMeshRolePresent(), unknown.ecsRolePresent(), false, unknown.elasticIpsInUse(),
                unknown.elasticIpLimit(), unknown.vpcsInUse(), unknown.vpcLimit(), PermissionCheck.notChecked(
                        PermissionCheck.Outcome.NOT_CHECKED, "the caller", "this endpoint serves no IAM")));
        assertThat(f).hasSize(4).allMatch(x -> x.level() == Finding.Level.NOTE);
        assertThat(text(f)).contains("Could not check the ECS service-linked role").contains("Could not count Elastic IPs")
                .contains("Could not count VPCs").contains("Could not check your permissions");
    }

    private static PreflightFacts withPermissions(PermissionCheck p) {
        PreflightFacts h = healthy("0-prelude");
        return new PreflightFacts(h.chapterId(), h.region(), h.appMeshChecked(), h.appMeshRolePresent(), h.ecsRolePresent(),
                h.stackExists(), h.elasticIpsInUse(), h.elasticIpLimit(), h.vpcsInUse(), h.vpcLimit(), p);
    }

    @Test
    void missingPermissionsStopBeforeAnythingIsCreatedAndNameTheActions() {
        List<Finding> f = PreflightRules.evaluate(withPermissions(PermissionCheck.checked(
                "arn:aws:iam::123456789012:user/learner", 60, List.of("iam:CreateRole", "iam:PassRole"))));
        assertThat(PreflightRules.stops(f)).isTrue();
        assertThat(text(f)).contains("[stop] Permissions: arn:aws:iam::123456789012:user/learner may not perform 2")
                .contains("iam:CreateRole, iam:PassRole").contains("Nothing was created").contains("--profile");
        assertThat(PreflightRules.stopSummary(f, "0-prelude")).contains("Stopped before creating anything")
                .doesNotContain("App Mesh").doesNotContain("without --aws");
        assertThat(PreflightRules.stopSummary(PreflightRules.evaluate(healthy("2-meshify")), "2-meshify"))
                .contains("without --aws");
    }

    @Test
    void allowedPermissionsPassAndASimulationThatIsNotAllowedIsSaidPlainly() {
        List<Finding> ok = PreflightRules.evaluate(withPermissions(PermissionCheck.checked("arn:aws:iam::1:user/a", 60, List.of())));
        assertThat(PreflightRules.stops(ok)).isFalse();
        assertThat(text(ok)).contains("[ok] Permissions: the 60 actions");

        List<Finding> denied = PreflightRules.evaluate(withPermissions(PermissionCheck.notChecked(
                PermissionCheck.Outcome.SIMULATION_DENIED, "arn:aws:iam::1:user/a", "AccessDenied: not authorized")));
        assertThat(PreflightRules.stops(denied)).isFalse();
        assertThat(text(denied)).contains("[warn] Could not check your permissions").contains("iam:SimulatePrincipalPolicy")
                .contains("AccessDenied");
    }
}
