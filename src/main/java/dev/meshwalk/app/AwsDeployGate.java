package dev.meshwalk.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.AccountProbe;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.cloud.SkippedImages;
import dev.meshwalk.cloud.costs.CostEstimate;
import dev.meshwalk.cloud.costs.PriceTable;
import dev.meshwalk.cloud.preflight.Finding;
import dev.meshwalk.cloud.preflight.PreflightFacts;
import dev.meshwalk.cloud.preflight.PreflightRules;
import dev.meshwalk.images.ImageBuildException;

/**
 * What happens before a deploy on real AWS and nowhere else: the preflight (App Mesh's end, service-linked roles,
 * quotas), the cost notice (once per account and region), and the app images (built with Jib, pushed to ECR when
 * their content changed). Returns the stack parameters to use, or empty when the deploy must not go ahead.
 */
final class AwsDeployGate {

    private final Console console;
    private final AwsDeployOptions options;
    private final boolean yes;
    private final CostNoticeMemory memory;

    AwsDeployGate(Console console, AwsDeployOptions options, boolean yes, CostNoticeMemory memory) {
        this.console = console;
        this.options = options;
        this.yes = yes;
        this.memory = memory;
    }

    /** The parameters for the deploy (images replaced as needed), or empty to stop with exit code 1. */
    Optional<Map<String, String>> prepare(CloudSession session, String chapterId, String project, String stackName,
            Map<String, String> candidates) {
        Map<String, String> params = new LinkedHashMap<>(candidates);
        overrideImages(params);
        boolean onAws = session.target().kind() == CloudTarget.Kind.AWS;
        if (!onAws && !options.forceAwsFlow) {
            return Optional.of(params);
        }
        Optional<SkippedImages.Choice.Use> skipped = Optional.empty();
        if (options.skipImages) { // decided first: a refusal must come before any question about costs
            SkippedImages.Choice choice = SkippedImages.choose(session, stackName, Optional.ofNullable(options.frontImage),
                    Optional.ofNullable(options.colorImage));
            if (choice instanceof SkippedImages.Choice.Refuse refuse) {
                refuse.lines().forEach(console::problem);
                return Optional.empty();
            }
            skipped = Optional.of((SkippedImages.Choice.Use) choice);
        }
        console.line("Preflight for chapter " + chapterId + " in " + session.target().region() + ":");
        PreflightFacts facts = new AccountProbe(session).gather(chapterId, stackName, !options.skipAppMeshPreflight);
        List<Finding> findings = PreflightRules.evaluate(facts);
        findings.forEach(f -> console.line("  " + f.line()));
        if (PreflightRules.stops(findings)) {
            console.problem(PreflightRules.stopSummary(findings, chapterId));
            return Optional.empty();
        }
        if (!costNoticeAccepted(session, chapterId)) {
            return Optional.empty();
        }
        skipped.ifPresent(use -> {
            use.notes().forEach(console::line);
            params.putAll(use.images());
        });
        if (!options.skipImages && AppImagePublisher.neededOn(session.target())) {
            AppImagePublisher images = AppImagePublisher.ofRunningApps(options.baseImage());
            try (ImageRegistry ecr = new EcrImageRegistry(session)) {
                params.putAll(images.publish(ecr, project, console::line));
            } catch (ImageBuildException | DeployException e) {
                ImageStepAdvice.lines(e, images.baseImage(), ImageStepAdvice.Where.SCRIPTED).forEach(console::problem);
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private void overrideImages(Map<String, String> params) {
        Optional.ofNullable(options.envoyImage).ifPresent(i -> params.put("EnvoyImage", i));
        Optional.ofNullable(options.xrayImage).ifPresent(i -> params.put("XRayDaemonImage", i));
        Optional.ofNullable(options.cloudWatchAgentImage).ifPresent(i -> params.put("CloudWatchAgentImage", i));
    }

    private boolean costNoticeAccepted(CloudSession session, String chapterId) {
        if (memory.accepted(session)) {
            return true;
        }
        String account = CostNoticeMemory.accountOf(session);
        String region = session.target().region();
        CostEstimate estimate = PriceTable.bundled().estimate(chapterId, region);
        estimate.lines().forEach(console::line);
        boolean ok;
        if (yes) {
            console.line("  Accepted with --yes; this notice will not show again for account " + account + " in " + region + ".");
            ok = true;
        } else if (System.console() == null) {
            console.problem("Not deploying without accepting the cost notice: stdin is not a terminal. Run again with --yes"
                    + " to accept it.");
            ok = false;
        } else {
            ok = console.ask("Go ahead and create these billable resources?");
        }
        if (ok) {
            memory.remember(session);
        }
        return ok;
    }
}
