package dev.meshwalk.app;

import java.util.List;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployOutcome;
import dev.meshwalk.cloud.OwnedResource;
import dev.meshwalk.cloud.Teardown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code teardown [--yes]}: lists what the tutorial created on the target (stack, dashboards, ECR repositories),
 * deletes it with progress after one confirmation, verifies that nothing tagged or named as ours remains (EC2
 * resources included), and stops the background local cloud if a subcommand started it.
 */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Delete everything the tutorial created on the target and check that nothing is left.")
public final class TeardownCommand extends CloudCommand {

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    boolean yes;

    @Mixin
    ProjectOption project;

    @Mixin
    AwsTeardownOptions awsOptions;

    @Override
    int run() {
        Optional<TargetResolver.Resolved> resolved = target(TargetResolver.LocalCloudUse.ONLY_IF_RUNNING);
        if (resolved.isEmpty()) {
            console.line("No local cloud is running: there is nothing to tear down.");
            return 0;
        }
        int code;
        try (CloudSession session = resolved.get().open()) {
            CloudTarget target = session.target();
            console.line("Target: " + (target.kind() == CloudTarget.Kind.AWS ? "AWS " + session.identity().describe()
                    : target.describe()));
            code = tearDown(new Teardown(session, project.stackName()));
        }
        if (code == 0 && resolved.get().target().kind() == CloudTarget.Kind.LOCAL) {
            resolver.localCloud().stopIfOurs().ifPresent(console::line);
        }
        return code;
    }

    private int tearDown(Teardown teardown) {
        List<OwnedResource> ours = teardown.inventory();
        teardown.leftAlone().forEach(console::line);
        List<String> warningsBefore = teardown.warnings();
        warningsBefore.forEach(console::problem);
        boolean failed = false;
        if (ours.isEmpty()) {
            console.line("Nothing to delete: no stack, dashboard or ECR repository of the tutorial's is on this target.");
        } else {
            console.line("The tutorial created:");
            for (OwnedResource r : ours) {
                console.line("  - " + r.kind().label() + " " + r.name() + " (" + r.state() + ")");
            }
            if (!confirm()) {
                return 1;
            }
            List<DeployOutcome> outcomes = teardown.remove(ours, new DeployProgressPrinter(console));
            for (DeployOutcome o : outcomes) {
                DeployProgressPrinter.summary(o, console).forEach(console::line);
                failed |= !o.success();
            }
        }
        List<OwnedResource> left = teardown.leftovers();
        List<String> notChecked = new java.util.ArrayList<>(teardown.warnings());
        notChecked.removeAll(warningsBefore);
        notChecked.forEach(console::problem);
        console.line(CHECKED);
        if (left.isEmpty()) {
            console.line("Verified: nothing tagged or named as the tutorial's is left on this target"
                    + (teardown.warnings().isEmpty() ? "." : " (except what could not be checked, above)."));
            return failed ? 1 : 0;
        }
        console.problem("Still there after teardown:");
        left.forEach(r -> console.problem("  - " + r.kind().label() + " " + r.name() + " (" + r.state() + ")"));
        console.problem(left.stream().anyMatch(r -> r.kind() == OwnedResource.Kind.EC2_RESOURCE)
                ? "Run `teardown` again; EC2 resources go with their stack, so one left after the stack is gone was retained"
                        + " by CloudFormation: delete it in the EC2 console (its tags name the stack)."
                : "Run `teardown` again; if it keeps failing, the reasons above say what holds them.");
        return 1;
    }

    /** What the check after a teardown covers, and why not more. */
    static final String CHECKED = "Checked: CloudFormation stacks, dashboards, ECR repositories, EC2 resources tagged"
            + " as the tutorial's and, once the stack is gone, the CloudWatch alarms its chapters create. Other services are not scanned (their resources go with the stack; the Resource Groups"
            + " Tagging API client is not part of this build).";

    private boolean confirm() {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            console.problem("Not deleting without confirmation: stdin is not a terminal. Run again with --yes.");
            return false;
        }
        return console.ask("Delete all of this?");
    }
}
