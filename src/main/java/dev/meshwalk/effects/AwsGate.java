package dev.meshwalk.effects;

import java.util.List;

import dev.meshwalk.cloud.AccountProbe;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.costs.PriceTable;
import dev.meshwalk.cloud.preflight.Finding;
import dev.meshwalk.cloud.preflight.PreflightRules;

/**
 * The one AWS gate, before anything is created on an account (the full screen, line mode and the scripted
 * {@code deploy} all pass it): the preflight (App Mesh's end, service-linked roles, quotas) and the cost estimate;
 * then the cost question (remembered per account and region, {@link ActionSupport#costNoticeAccepted}) and the
 * app images ({@link ActionSupport#appImages}). Chapters the preflight rules out stop here.
 */
public final class AwsGate {

    /**
     * The preflight's findings (one line each), the estimate's lines, and when the preflight stops the deploy its
     * summary of why and what to do instead (then there is no estimate), else null.
     */
    public record Checks(List<String> findings, List<String> estimate, String stopSummary) {
        public Checks {
            findings = List.copyOf(findings);
            estimate = List.copyOf(estimate);
        }

        public boolean stop() {
            return stopSummary != null;
        }
    }

    private AwsGate() {
    }

    /** Runs the preflight and, unless it stops the deploy, the estimate. */
    public static Checks check(CloudSession session, String chapterId, String stackName, boolean appMeshPreflight) {
        List<Finding> findings = PreflightRules.evaluate(new AccountProbe(session).gather(chapterId, stackName, appMeshPreflight));
        List<String> lines = findings.stream().map(Finding::line).toList();
        if (PreflightRules.stops(findings)) {
            return new Checks(lines, List.of(), PreflightRules.stopSummary(findings, chapterId));
        }
        return new Checks(lines, PriceTable.bundled().estimate(chapterId, session.target().region()).lines(), null);
    }
}
