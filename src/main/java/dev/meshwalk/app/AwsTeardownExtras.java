package dev.meshwalk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.CloudTarget;
import dev.meshwalk.cloud.DeployException;
import dev.meshwalk.cloud.EcrRepositories;

/**
 * The part of a teardown that exists only on AWS: the ECR repositories {@code <project>/<app>} the image push
 * created (deleted with their images, after confirmation; only those tagged {@code meshwalk:managed=true}), and a
 * last look for anything of ours still there. The seed's teardown left the repositories behind; they cost
 * storage, so the tutorial offers to remove them.
 */
final class AwsTeardownExtras {

    private final Console console;
    private final boolean yes;

    AwsTeardownExtras(Console console, boolean yes) {
        this.console = console;
        this.yes = yes;
    }

    /** Runs after the stack teardown; returns the exit code (0 when nothing of ours is left). */
    int run(CloudSession session, String project, boolean forced) {
        if (session.target().kind() != CloudTarget.Kind.AWS && !forced) {
            return 0;
        }
        String prefix = project + "/";
        List<String> repos;
        try (EcrRepositories ecr = new EcrRepositories(session)) {
            try {
                repos = ecr.managed(prefix);
            } catch (DeployException e) {
                console.line("ECR repositories could not be listed on this target (" + firstLine(e.getMessage())
                        + "); a local cloud has no ECR, so there is nothing to delete there.");
                return 0;
            }
            if (repos.isEmpty()) {
                console.line("No ECR repositories of the tutorial (" + prefix + "*, tagged meshwalk:managed=true).");
            } else {
                console.line("ECR repositories the tutorial created (with their images):");
                repos.forEach(r -> console.line("  - " + r));
                if (!confirm("Delete these repositories and their images?")) {
                    console.line("Kept the ECR repositories; they cost a little storage each month.");
                    return 1;
                }
                for (String r : repos) {
                    try {
                        int images = ecr.delete(r);
                        console.line("Deleted ECR repository " + r + " (" + images + " images).");
                    } catch (DeployException e) {
                        console.problem("Could not delete " + r + ": " + e.getMessage());
                    }
                }
            }
            List<String> left = ecr.managed(prefix);
            if (!left.isEmpty()) {
                console.problem("Still there: ECR repositories " + left + ". Run `teardown --aws` again.");
                return 1;
            }
        }
        console.line("Checked after teardown: stacks, dashboards and ECR repositories tagged meshwalk:managed=true."
                + " (Other services are not scanned: the Resource Groups Tagging API client is not part of this build.)");
        return 0;
    }

    private boolean confirm(String question) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            console.problem("Not deleting the ECR repositories without confirmation: stdin is not a terminal."
                    + " Run again with --yes.");
            return false;
        }
        console.out.print(question + " [y/N] ");
        console.out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no answer" : s.lines().findFirst().orElse(s);
    }
}
