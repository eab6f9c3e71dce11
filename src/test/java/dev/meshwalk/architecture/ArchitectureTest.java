package dev.meshwalk.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package dependency table in README.md ("Package dependencies"). When a rule here fails,
 * either the code reached where it may not, or the table and this test change together.
 */
class ArchitectureTest {

    private static final String SDK = "software.amazon.awssdk..";
    private static final String LANTERNA = "com.googlecode.lanterna..";
    private static final String JLINE = "org.jline..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.meshwalk");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void nettyStaysInTheDataPlanesHttpTransport() {
        check(noClasses().that().resideOutsideOfPackages("dev.meshwalk.localcloud.dataplane..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("the event loop carries the data plane's HTTP; the apps and the rest stay plain JDK"));
    }

    @Test
    void onlyTheCloudPackageTalksToTheAwsSdk() {
        check(noClasses().that().resideOutsideOfPackage("dev.meshwalk.cloud..")
                .should().dependOnClassesThat().resideInAPackage(SDK)
                .because("the SDK is reached through one cloud-facing package"));
    }

    @Test
    void theCoreIsPureAndKnowsNoFrontEndOrIo() {
        check(pure("dev.meshwalk.core.."));
    }

    /**
     * The purity rule must catch each thing it bans: every class of the {@code impure} fixture package uses one
     * (a thread, a clock, randomness, java.util.concurrent, I/O) and must be reported.
     */
    @Test
    void thePurityRuleCatchesThreadsClocksRandomnessAndConcurrency() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("dev.meshwalk.architecture.impure");
        String report = String.join("\n", pure("dev.meshwalk.architecture.impure..").evaluate(fixtures)
                .getFailureReport().getDetails());
        List<JavaClass> kinds = fixtures.stream().filter(c -> c.getEnclosingClass().isPresent()).toList();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(10);
        for (JavaClass fixture : kinds) {
            assertThat(report).as("the purity rule reports " + fixture.getSimpleName())
                    .contains(fixture.getName() + ".");
        }
    }

    /**
     * The core's rule: no I/O, no front-end, no SDK, and nothing that makes a transition depend on when or on which
     * thread it runs (threads, clocks, randomness, {@code java.util.concurrent}); time reaches the core in Msgs.
     */
    private static ArchRule pure(String pkg) {
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage(
                        LANTERNA, JLINE, SDK, "java.net..", "java.nio.file..", "java.util.concurrent..",
                        "java.util.random..",
                        "dev.meshwalk.tui..", "dev.meshwalk.line..", "dev.meshwalk.effects..",
                        "dev.meshwalk.cloud..", "dev.meshwalk.traffic..", "dev.meshwalk.progress..",
                        "dev.meshwalk.localcloud..", "dev.meshwalk.app..")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, ThreadGroup.class, java.util.Timer.class,
                        java.time.Clock.class, java.time.InstantSource.class, java.util.SplittableRandom.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time..")))))
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("the core is (State, Msg) -> (State, Effects): the same messages give the same screens");
    }

    @Test
    void onlyTheTuiDrawsWithLanternaAndOnlyLineModeUsesJline() {
        check(noClasses().that().resideOutsideOfPackage("dev.meshwalk.tui..")
                .should().dependOnClassesThat().resideInAPackage(LANTERNA));
        check(noClasses().that().resideOutsideOfPackages("dev.meshwalk.line..")
                .should().dependOnClassesThat().resideInAPackage(JLINE));
    }

    @Test
    void frontEndsOnlyDrawStateAndSendMessages() {
        check(noClasses().that().resideInAnyPackage("dev.meshwalk.tui..", "dev.meshwalk.line..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.cloud..", "dev.meshwalk.traffic..", "dev.meshwalk.localcloud..",
                        "dev.meshwalk.progress..", "dev.meshwalk.app.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.tui..")
                .should().dependOnClassesThat().resideInAPackage("dev.meshwalk.line.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.line..")
                .should().dependOnClassesThat().resideInAPackage("dev.meshwalk.tui.."));
    }

    @Test
    void renderingLibrariesKnowNoTerminalAndNoCloud() {
        check(noClasses().that().resideInAnyPackage("dev.meshwalk.graph..", "dev.meshwalk.content..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.core..", "dev.meshwalk.tui..", "dev.meshwalk.line..", "dev.meshwalk.effects..",
                        "dev.meshwalk.cloud..", "dev.meshwalk.localcloud..", "dev.meshwalk.app.."));
    }

    @Test
    void effectsRunWorkButNeverDraw() {
        check(noClasses().that().resideInAnyPackage("dev.meshwalk.effects..", "dev.meshwalk.cloud..",
                        "dev.meshwalk.traffic..", "dev.meshwalk.progress..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.tui..", "dev.meshwalk.line..", "dev.meshwalk.app..", "dev.meshwalk.localcloud.."));
        check(noClasses().that().resideInAnyPackage("dev.meshwalk.cloud..", "dev.meshwalk.traffic..",
                        "dev.meshwalk.progress..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.meshwalk.core..", "dev.meshwalk.effects.."));
    }

    /** Facts are what effects learn and the core words: plain records that every side may hold, depending on none. */
    @Test
    void factsArePureRecordsThatDependOnNoOtherPackage() {
        check(pure("dev.meshwalk.facts.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.facts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.core..", "dev.meshwalk.content..", "dev.meshwalk.graph..", "dev.meshwalk.tui..",
                        "dev.meshwalk.line..", "dev.meshwalk.effects..", "dev.meshwalk.cloud..", "dev.meshwalk.traffic..",
                        "dev.meshwalk.progress..", "dev.meshwalk.images..", "dev.meshwalk.localcloud..",
                        "dev.meshwalk.app..")
                .because("a fact names what was found, not who found it or how it is said"));
    }

    @Test
    void imageBuildingKnowsOnlyJib() {
        check(noClasses().that().resideInAPackage("dev.meshwalk.images..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.core..", "dev.meshwalk.tui..", "dev.meshwalk.line..", "dev.meshwalk.effects..",
                        "dev.meshwalk.cloud..", "dev.meshwalk.localcloud..", "dev.meshwalk.app..")
                .because("images are built from the apps' classes; pushing them is the cloud package's job"));
    }

    @Test
    void theLocalCloudNeverImportsTutorialCode() {
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.app..", "dev.meshwalk.core..", "dev.meshwalk.content..", "dev.meshwalk.tui..",
                        "dev.meshwalk.line..", "dev.meshwalk.effects..", "dev.meshwalk.cloud..",
                        "dev.meshwalk.traffic..", "dev.meshwalk.graph..", "dev.meshwalk.progress..")
                .because("the local cloud is a standalone AWS look-alike; the tutorial is only its client"));
    }

    @Test
    void localCloudLayersPointDownwards() {
        // wire -> service -> engine -> provider -> dataplane; nothing points back up.
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud.service..")
                .should().dependOnClassesThat().resideInAPackage("dev.meshwalk.localcloud.wire.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.localcloud.wire..", "dev.meshwalk.localcloud.service.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud.engine.schema..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.localcloud", "dev.meshwalk.localcloud.wire..", "dev.meshwalk.localcloud.service..",
                        "dev.meshwalk.localcloud.engine", "dev.meshwalk.localcloud.provider..",
                        "dev.meshwalk.localcloud.dataplane..")
                .because("the schema facts are plain data the engine consults, knowing nothing of stacks"));
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud.provider..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.localcloud.wire..", "dev.meshwalk.localcloud.service..",
                        "dev.meshwalk.localcloud.engine.."));
        check(noClasses().that().resideInAPackage("dev.meshwalk.localcloud.dataplane..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.localcloud.wire..", "dev.meshwalk.localcloud.service..",
                        "dev.meshwalk.localcloud.engine..", "dev.meshwalk.localcloud.provider.."));
    }

    @Test
    void theDemoAppsStandAlone() {
        check(noClasses().that().resideInAPackage("dev.meshwalk.apps..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.meshwalk.app..", "dev.meshwalk.core..", "dev.meshwalk.content..", "dev.meshwalk.tui..",
                        "dev.meshwalk.line..", "dev.meshwalk.effects..", "dev.meshwalk.cloud..",
                        "dev.meshwalk.traffic..", "dev.meshwalk.graph..", "dev.meshwalk.progress..",
                        "dev.meshwalk.localcloud..")
                .because("the same classes run in a container on AWS"));
    }
}
