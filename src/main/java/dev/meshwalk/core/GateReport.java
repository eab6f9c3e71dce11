package dev.meshwalk.core;

import java.util.List;

import dev.meshwalk.facts.CostEstimate;
import dev.meshwalk.facts.PreflightFacts;

/**
 * What the AWS gate says before anything is created on an account, worded here for every front-end: the
 * preflight's findings (one line each), the cost notice, and when the preflight rules the chapter out, why and what
 * to do instead (then no cost notice is shown).
 */
public record GateReport(List<String> findings, List<String> estimate, String stopSummary) {

    public GateReport {
        findings = List.copyOf(findings);
        estimate = List.copyOf(estimate);
    }

    public static GateReport of(PreflightFacts preflight, CostEstimate estimate) {
        List<Finding> found = PreflightRules.evaluate(preflight);
        List<String> lines = found.stream().map(Finding::line).toList();
        return PreflightRules.stops(found)
                ? new GateReport(lines, List.of(), PreflightRules.stopSummary(found, preflight.chapterId()))
                : new GateReport(lines, CostNotice.lines(estimate), null);
    }

    /** Whether the preflight stops the deploy. */
    public boolean stop() {
        return stopSummary != null;
    }
}
