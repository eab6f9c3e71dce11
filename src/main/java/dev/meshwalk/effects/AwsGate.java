package dev.meshwalk.effects;

import dev.meshwalk.cloud.AccountProbe;
import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.costs.PriceTable;
import dev.meshwalk.core.GateReport;
import dev.meshwalk.facts.CostEstimate;
import dev.meshwalk.facts.PreflightFacts;

/**
 * The one AWS gate, before anything is created on an account (the full screen, line mode and the scripted
 * {@code deploy} all pass it): the preflight's facts (App Mesh's end, service-linked roles, quotas, permissions)
 * and the cost estimate. The core words them ({@link GateReport}); then come the cost question (remembered per
 * account and region, {@link ActionSupport#costNoticeAccepted}) and the app images ({@link ActionSupport#appImages}).
 */
public final class AwsGate {

    /** What the gate learned about the account and what the chapter would cost there. */
    public record Checked(PreflightFacts preflight, CostEstimate estimate) {

        /** The gate's findings in words, and whether they stop the deploy. */
        public GateReport report() {
            return GateReport.of(preflight, estimate);
        }
    }

    private AwsGate() {
    }

    /** Gathers the preflight's facts and prices the chapter in the session's region. */
    public static Checked check(CloudSession session, String chapterId, String stackName, boolean appMeshPreflight) {
        PreflightFacts facts = new AccountProbe(session).gather(chapterId, stackName, appMeshPreflight);
        return new Checked(facts, PriceTable.bundled().estimate(chapterId, session.target().region()));
    }
}
