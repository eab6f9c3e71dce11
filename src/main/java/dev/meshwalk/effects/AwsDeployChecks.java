package dev.meshwalk.effects;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.cloud.AccountProbe;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.costs.PriceTable;
import dev.meshwalk.cloud.preflight.Finding;
import dev.meshwalk.cloud.preflight.PreflightRules;

/**
 * The full-screen deploy's share of the AWS-only steps: the same preflight and cost estimate the scripted
 * {@code deploy} prints, shown before anything is created on the account (the cost question, then again above the
 * change-set preview). Chapters that App Mesh's shutdown rules out stop here, before a change set exists.
 */
final class AwsDeployChecks {

    /** What to show, and whether the deploy must stop. */
    record Outcome(List<String> lines, boolean stop) {
    }

    private AwsDeployChecks() {
    }

    /** The preflight's findings and the cost estimate; the caller runs it only where the AWS steps apply. */
    static Outcome before(CloudSession session, String chapterId, String stackName) {
        List<Finding> findings = PreflightRules.evaluate(new AccountProbe(session).gather(chapterId, stackName, true));
        List<String> lines = new ArrayList<>();
        lines.add("Preflight for chapter " + chapterId + " in " + session.target().region() + ":");
        findings.forEach(f -> lines.add("  " + f.line()));
        if (PreflightRules.stops(findings)) {
            lines.add(PreflightRules.stopSummary(findings, chapterId));
            return new Outcome(lines, true);
        }
        lines.add("");
        lines.addAll(PriceTable.bundled().estimate(chapterId, session.target().region()).lines());
        lines.add("");
        return new Outcome(lines, false);
    }
}
