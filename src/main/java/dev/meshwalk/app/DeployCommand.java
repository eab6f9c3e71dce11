package dev.meshwalk.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.Identity;
import dev.meshwalk.cloud.SkippedImages;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.core.ChangePreview;
import dev.meshwalk.content.StackParameters;
import dev.meshwalk.core.DeployOrder;
import dev.meshwalk.core.GateReport;
import dev.meshwalk.effects.AwsGate;
import dev.meshwalk.effects.DeploySteps;
import dev.meshwalk.effects.ImageStepFailed;
import dev.meshwalk.progress.ProgressStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deploy <chapter> [--yes]}: the tutorial's deploy flow ({@link AwsGate}, then {@link DeploySteps}) on the
 * command line: previews the chapter's change set, asks, deploys with one line per resource change, and prints the
 * front endpoint. Deploying chapter N works from any state: it is a stack update.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a chapter's stack (change set preview, confirmation, live progress).")
public final class DeployCommand extends CloudCommand {

    /** Enough rounds for a busy stack and a failed first creation before the change set. */
    private static final int MAX_ROUNDS = 3;

    @Parameters(index = "0", paramLabel = "CHAPTER", description = "Chapter number or id, e.g. 3 or 3-routing.")
    String chapter;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: deploy (and delete a failed stack first if needed).")
    boolean yes;

    @Option(names = "--parameter", paramLabel = "NAME=VALUE",
            description = "Set a stack parameter for this deploy, e.g. --parameter ColorWeight=90 (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Mixin
    ProjectOption project;

    @Mixin
    AwsDeployOptions awsOptions;

    @Override
    int run() throws Exception {
        Optional<ChapterRef> ref = ChapterRef.parse(chapter);
        if (ref.isEmpty()) {
            console.problem("There is no chapter '" + chapter + "'. Chapters: " + String.join(", ", ChapterRef.IDS)
                    + " (a number works too, e.g. `deploy 3`).");
            return 2;
        }
        // Checked before the target is reached: a misspelt parameter needs no local cloud started or AWS asked.
        Map<String, String> given;
        try {
            given = StackParameters.of(ref.get().template()).check(parameters);
        } catch (IOException e) {
            console.problem("Cannot read the template of chapter " + ref.get().id() + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            console.problem(e.getMessage());
            return 2;
        }
        TargetResolver.Resolved resolved = target(TargetResolver.LocalCloudUse.START_IF_NEEDED).orElseThrow();
        try (CloudSession session = resolved.open()) {
            CloudTarget target = session.target();
            if (target.kind() == CloudTarget.Kind.AWS) {
                Identity me = session.identity();
                console.line("Target: AWS " + me.describe() + target.profile().map(p -> " (profile " + p + ")").orElse(""));
            } else {
                console.line("Target: " + target.describe());
            }
            Map<String, String> overrides = imageOverrides();
            overrides.putAll(chapterParameters(ref.get(), given));
            DeployOrder order = new DeployOrder(ref.get().id(), overrides);
            boolean buildImages = AppImagePublisher.neededOn(target) && !awsOptions.skipImages;
            TutorialActionSupport support = new TutorialActionSupport(project.project(),
                    buildImages ? AppImagePublisher.ofRunningApps(awsOptions.baseImage()) : null, EcrImageRegistry::new,
                    awsOptions.forceAwsFlow, ImageStepAdvice.Where.SCRIPTED);
            Map<String, String> images = Map.of();
            if (support.awsSteps(session)) {
                Optional<Map<String, String>> passed = passAwsGate(session, support, order);
                if (passed.isEmpty()) {
                    return 1;
                }
                images = passed.get();
            }
            return deploy(DeploySteps.deployment(session, support, order, images), target);
        }
    }

    /**
     * The chapter's parameters for this deploy: those saved with progress (set by an earlier deploy, in any
     * front-end) with {@code --parameter}'s over them; new ones are saved, so later deploys keep them until changed.
     */
    private Map<String, String> chapterParameters(ChapterRef ref, Map<String, String> given) {
        ProgressStore store = new ProgressStore(UserDirs.from(System.getenv()).progressFile(), Clock.systemUTC());
        ProgressStore.Loaded saved = store.load();
        Optional.ofNullable(saved.problem()).ifPresent(console::problem);
        Map<String, String> values = new LinkedHashMap<>(saved.parameters().getOrDefault(ref.id(), Map.of()));
        values.forEach((name, value) -> {
            if (!given.containsKey(name)) {
                console.line("Parameter " + name + "=" + value + " (set by an earlier deploy; --parameter " + name
                        + "=... changes it)");
            }
        });
        values.putAll(given);
        if (!given.isEmpty()) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(saved.parameters());
            all.put(ref.id(), values);
            try {
                store.save(saved.marks(), all);
            } catch (IOException e) {
                console.problem("Could not save the parameters for later deploys (" + e.getMessage() + "); this deploy"
                        + " uses them anyway.");
            }
        }
        return values;
    }

    /** The images {@code --envoy-image} and friends name: the order's overrides of the tutorial's parameters. */
    private Map<String, String> imageOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        Optional.ofNullable(awsOptions.envoyImage).ifPresent(i -> overrides.put("EnvoyImage", i));
        Optional.ofNullable(awsOptions.xrayImage).ifPresent(i -> overrides.put("XRayDaemonImage", i));
        Optional.ofNullable(awsOptions.cloudWatchAgentImage).ifPresent(i -> overrides.put("CloudWatchAgentImage", i));
        return overrides;
    }

    /**
     * The AWS gate on the command line: with {@code --skip-images} which images to reuse (a refusal comes before
     * any question), the preflight, the cost notice once per account and region, then the images. Returns the
     * image parameters, or empty when the deploy must stop.
     */
    private Optional<Map<String, String>> passAwsGate(CloudSession session, TutorialActionSupport support, DeployOrder order) {
        String chapterId = order.chapterId();
        Optional<SkippedImages.Choice.Use> skipped = Optional.empty();
        if (awsOptions.skipImages) {
            SkippedImages.Choice choice = SkippedImages.choose(session, support.stackName(),
                    Optional.ofNullable(awsOptions.frontImage), Optional.ofNullable(awsOptions.colorImage));
            if (choice instanceof SkippedImages.Choice.Refuse refuse) {
                refuse.lines().forEach(console::problem);
                return Optional.empty();
            }
            skipped = Optional.of((SkippedImages.Choice.Use) choice);
        }
        GateReport checks = AwsGate.check(session, chapterId, support.stackName(), !awsOptions.skipAppMeshPreflight).report();
        console.line("Preflight for chapter " + chapterId + " in " + session.target().region() + ":");
        checks.findings().forEach(f -> console.line("  " + f));
        if (checks.stop()) {
            console.problem(checks.stopSummary());
            return Optional.empty();
        }
        if (!support.costNoticeAccepted(session) && !acceptCosts(session, support, checks)) {
            return Optional.empty();
        }
        if (skipped.isPresent()) {
            skipped.get().notes().forEach(console::line);
            return Optional.of(skipped.get().images());
        }
        try {
            return Optional.of(support.appImages(session, console::line));
        } catch (ImageStepFailed e) {
            e.lines().forEach(console::problem);
            return Optional.empty();
        }
    }

    /** Shows the estimate and asks (or takes {@code --yes}); an acceptance is remembered for the account and region. */
    private boolean acceptCosts(CloudSession session, TutorialActionSupport support, GateReport checks) {
        String region = session.target().region();
        checks.estimate().forEach(console::line);
        boolean ok;
        if (yes) {
            console.line("  Accepted with --yes; this notice will not show again for account "
                    + CostNoticeMemory.accountOf(session) + " in " + region + ".");
            ok = true;
        } else if (System.console() == null) {
            console.problem("Not deploying without accepting the cost notice: stdin is not a terminal. Run again with --yes"
                    + " to accept it.");
            ok = false;
        } else {
            ok = console.ask("Go ahead and create these billable resources?");
        }
        if (ok) {
            support.rememberCostNotice(session);
        }
        return ok;
    }

    /** The flow's steps in {@link DeploySteps}' order: wait out a busy stack, recreate a failed one, then the plan. */
    private int deploy(Deployment deployment, CloudTarget target) {
        DeployProgressPrinter printer = new DeployProgressPrinter(console);
        String stack = deployment.request().stackName();
        String chapterId = deployment.request().chapterId();
        console.line("Chapter " + chapterId + " -> stack " + stack + ": computing the change set ...");
        for (int round = 0; round < MAX_ROUNDS; round++) {
            DeploySteps.Step step = DeploySteps.next(deployment);
            if (step instanceof DeploySteps.Busy) {
                deployment.waitUntilSettled(printer,
                        target.kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(30) : Duration.ofMinutes(3));
            } else if (step instanceof DeploySteps.FailedCreate f) {
                console.line("The stack " + stack + " is in ROLLBACK_COMPLETE: its first creation failed"
                        + f.stack().statusReason().map(r -> " (" + r + ")").orElse("")
                        + ", and CloudFormation only allows deleting such a stack.");
                if (!confirm("Delete it and create it again?", "to delete it and create it again")) {
                    return 1;
                }
                DeployOutcome removed = deployment.deleteStack(printer);
                if (!removed.success()) {
                    DeployProgressPrinter.summary(removed, console).forEach(console::line);
                    return 1;
                }
            } else if (step instanceof DeploySteps.NothingToDo n) {
                console.line("No changes: chapter " + chapterId + " is already deployed.");
                n.frontEndpoint().ifPresent(url -> console.line("Front endpoint: " + url));
                return 0;
            } else {
                return confirmAndExecute(deployment, ((DeploySteps.Ready) step).plan());
            }
        }
        console.problem("The stack " + stack + " did not settle; see `status` and deploy again.");
        return 1;
    }

    private int confirmAndExecute(Deployment deployment, dev.meshwalk.cloud.DeployPlan.Ready ready) {
        String stack = deployment.request().stackName();
        console.line((ready.create() ? "Creating" : "Updating") + " " + stack + " with " + ready.changes().size() + " changes:");
        ChangePreview.lines(DeploySteps.changeSet(ready, deployment)).forEach(console::line);
        if (!confirm("Deploy these changes?", "to deploy")) {
            deployment.discard(ready);
            console.line("Nothing was changed (the change set was deleted).");
            return 1;
        }
        Thread hook = new Thread(() -> explainInterruption(deployment), "meshwalk-deploy-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        DeployOutcome outcome;
        try {
            outcome = deployment.execute(ready, new DeployProgressPrinter(console));
        } finally {
            removeHook(hook);
        }
        DeployProgressPrinter.summary(outcome, console).forEach(console::line);
        if (outcome.success()) {
            outcome.frontEndpoint().ifPresent(url -> console.line("Front endpoint: " + url
                    + "   (try: curl " + url + "/color, or the `traffic` command)"));
            return 0;
        }
        console.problem("Deploying chapter " + deployment.request().chapterId() + " failed: " + outcome.finalStatus()
                + ". The reasons are listed above; fix them and deploy again (the stack was rolled back).");
        return 1;
    }

    /** Asks on an interactive terminal; without one, only {@code --yes} may proceed. */
    private boolean confirm(String question, String what) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            console.problem("Not going ahead without confirmation: stdin is not a terminal. Run again with --yes "
                    + what + ".");
            return false;
        }
        return console.ask(question);
    }

    /** Ctrl-C during a deploy: say what state the stack is in and how to continue. */
    private void explainInterruption(Deployment deployment) {
        String status;
        try {
            status = deployment.currentStack().map(StackInfo::status).orElse("not created");
        } catch (RuntimeException e) {
            status = "unknown (" + e.getMessage() + ")";
        }
        console.problem(System.lineSeparator() + "Interrupted. The stack " + deployment.request().stackName() + " is "
                + status + "; CloudFormation carries on without us.");
        console.problem("  - see where it is: status");
        console.problem("  - continue: deploy " + deployment.request().chapterId() + " (once it has settled)");
        console.problem("  - remove everything: teardown");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook runs and explains.
        }
    }

    /**
     * Candidate parameter values; the deployment sends only those the template declares. Local images are the
     * names the local cloud maps to the tutorial's apps; the public AWS images for Envoy and the agents.
     */
    static Map<String, String> parameters(String project) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ProjectName", project);
        p.put("FrontAppImage", "front:latest");
        p.put("ColorAppImage", "color:latest");
        p.put("EnvoyImage", "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.1-prod");
        p.put("CloudWatchAgentImage", "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest");
        p.put("XRayDaemonImage", "public.ecr.aws/xray/aws-xray-daemon:latest");
        return p;
    }
}
