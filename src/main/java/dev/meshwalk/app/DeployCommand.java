package dev.meshwalk.app;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.Identity;
import dev.meshwalk.cloud.StackInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deploy <chapter> [--yes]}: previews the chapter's change set, asks, deploys with one line per resource
 * change, and prints the front endpoint. Deploying chapter N works from any state: it is a stack update.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a chapter's stack (change set preview, confirmation, live progress).")
public final class DeployCommand extends CloudCommand {

    @Parameters(index = "0", paramLabel = "CHAPTER", description = "Chapter number or id, e.g. 3 or 3-routing.")
    String chapter;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: deploy (and delete a failed stack first if needed).")
    boolean yes;

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
        TargetResolver.Resolved resolved = target(TargetResolver.LocalCloudUse.START_IF_NEEDED).orElseThrow();
        try (CloudSession session = resolved.open()) {
            CloudTarget target = session.target();
            if (target.kind() == CloudTarget.Kind.AWS) {
                Identity me = session.identity();
                console.line("Target: AWS " + me.describe() + target.profile().map(p -> " (profile " + p + ")").orElse(""));
            } else {
                console.line("Target: " + target.describe());
            }
            String template;
            try {
                template = ref.get().template();
            } catch (IOException e) {
                console.problem("Cannot read the template of chapter " + ref.get().id() + ": " + e.getMessage());
                return 1;
            }
            Optional<Map<String, String>> params = new AwsDeployGate(console, awsOptions, yes, CostNoticeMemory.forUser())
                    .prepare(session, ref.get().id(), project.project(), project.stackName(), parameters(project.project()));
            if (params.isEmpty()) {
                return 1;
            }
            DeployRequest request = new DeployRequest(project.stackName(), ref.get().id(), template, params.get());
            return deploy(new Deployment(session, request), target);
        }
    }

    private int deploy(Deployment deployment, CloudTarget target) {
        DeployProgressPrinter printer = new DeployProgressPrinter(console);
        String stack = deployment.request().stackName();
        Optional<StackInfo> current = deployment.currentStack();
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.BUSY) {
            current = deployment.waitUntilSettled(printer,
                    target.kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(30) : Duration.ofMinutes(3));
        }
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.FAILED_CREATE) {
            console.line("The stack " + stack + " is in ROLLBACK_COMPLETE: its first creation failed"
                    + current.get().statusReason().map(r -> " (" + r + ")").orElse("")
                    + ", and CloudFormation only allows deleting such a stack.");
            if (!confirm("Delete it and create it again?", "to delete it and create it again")) {
                return 1;
            }
            DeployOutcome removed = deployment.deleteStack(printer);
            if (!removed.success()) {
                DeployProgressPrinter.summary(removed, console).forEach(console::line);
                return 1;
            }
        }
        console.line("Chapter " + deployment.request().chapterId() + " -> stack " + stack + ": computing the change set ...");
        DeployPlan plan = deployment.plan();
        if (plan instanceof DeployPlan.NoChanges) {
            console.line("No changes: chapter " + deployment.request().chapterId() + " is already deployed.");
            deployment.currentStack().flatMap(StackInfo::frontEndpoint).ifPresent(url -> console.line("Front endpoint: " + url));
            return 0;
        }
        DeployPlan.Ready ready = (DeployPlan.Ready) plan;
        console.line((ready.create() ? "Creating" : "Updating") + " " + stack + " with " + ready.changes().size() + " changes:");
        ChangePreviewFormatter.lines(ready).forEach(console::line);
        if (!confirm("Deploy these changes?", "to deploy")) {
            deployment.discard(ready);
            console.line("Nothing was changed (the change set was deleted).");
            return 1;
        }
        Thread hook = new Thread(() -> explainInterruption(deployment), "meshwalk-deploy-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        DeployOutcome outcome;
        try {
            outcome = deployment.execute(ready, printer);
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
