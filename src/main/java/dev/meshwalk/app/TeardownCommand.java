package dev.meshwalk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 * {@code teardown [--yes]}: lists what the tutorial created on the target, deletes it with progress, verifies
 * that nothing tagged or named as ours remains, and stops the background local cloud if a subcommand started it.
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
            code = Math.max(code, new AwsTeardownExtras(console, yes).run(session, project.project(), awsOptions.forceAwsFlow));
        }
        if (code == 0 && resolved.get().target().kind() == CloudTarget.Kind.LOCAL) {
            resolver.localCloud().stopIfOurs().ifPresent(console::line);
        }
        return code;
    }

    private int tearDown(Teardown teardown) {
        List<OwnedResource> ours = teardown.inventory();
        teardown.warnings().forEach(console::problem);
        if (ours.isEmpty()) {
            console.line("Nothing of the tutorial's is on this target.");
            return 0;
        }
        console.line("The tutorial created:");
        for (OwnedResource r : ours) {
            console.line("  - " + r.kind().label() + " " + r.name() + " (" + r.state() + ")");
        }
        if (!confirm()) {
            return 1;
        }
        List<DeployOutcome> outcomes = teardown.remove(ours, new DeployProgressPrinter(console));
        boolean failed = false;
        for (DeployOutcome o : outcomes) {
            DeployProgressPrinter.summary(o, console).forEach(console::line);
            failed |= !o.success();
        }
        List<OwnedResource> left = teardown.leftovers();
        if (left.isEmpty()) {
            console.line("Verified: nothing tagged or named as the tutorial's is left on this target"
                    + (teardown.warnings().isEmpty() ? "." : " (except what could not be checked, above)."));
            return failed ? 1 : 0;
        }
        console.problem("Still there after teardown:");
        left.forEach(r -> console.problem("  - " + r.kind().label() + " " + r.name() + " (" + r.state() + ")"));
        console.problem("Run `teardown` again; if it keeps failing, the reasons above say what holds them.");
        return 1;
    }

    private boolean confirm() {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            console.problem("Not deleting without confirmation: stdin is not a terminal. Run again with --yes.");
            return false;
        }
        console.out.print("Delete all of this? [y/N] ");
        console.out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
