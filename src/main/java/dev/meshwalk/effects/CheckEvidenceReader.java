package dev.meshwalk.effects;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.cloud.Stacks;
import dev.meshwalk.cloud.TracedCalls;
import dev.meshwalk.core.CheckEvidence;

/**
 * Reads what the checks of chapters 0-3 judge ({@link CheckEvidence}): the stack's chapter tag, parameters and load
 * balancers from CloudFormation, and for chapters 0 and 1 front's traced calls of the last minute from X-Ray.
 */
final class CheckEvidenceReader {

    /** How far back front's calls are read: recent enough to be the deployed chapter's, long enough for 30 traces. */
    static final Duration CALLS_WINDOW = Duration.ofMinutes(1);
    private static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";

    private CheckEvidenceReader() {
    }

    static CheckEvidence read(CloudSession session, String stackName, String chapterId) {
        Stacks stacks = new Stacks(session);
        Optional<StackInfo> stack = stacks.find(stackName).filter(s -> s.condition() != StackInfo.Condition.GONE);
        if (stack.isEmpty()) {
            return CheckEvidence.none();
        }
        Map<String, String> parameters = stacks.parameters(stackName);
        List<String> balancers = stacks.physicalIds(stackName, LOAD_BALANCER).values().stream()
                .map(CheckEvidenceReader::nameOf).toList();
        TracedCalls.Observed calls = chapterId.startsWith("0") || chapterId.startsWith("1")
                ? new TracedCalls(session).of("front", CALLS_WINDOW)
                : new TracedCalls.Observed(0, Map.of(), Map.of());
        int tracedCalls = (int) calls.hosts().values().stream().mapToLong(Long::longValue).sum();
        return new CheckEvidence(stack.get().chapter().orElse("?"), parameters, stack.get().outputs(), balancers, tracedCalls, calls.hosts(),
                calls.answeringTasks());
    }

    /** {@code arn:aws:elasticloadbalancing:...:loadbalancer/app/<name>/<id>} to {@code <name>}. */
    static String nameOf(String arn) {
        int app = arn.indexOf("loadbalancer/app/");
        if (app < 0) {
            return arn;
        }
        String rest = arn.substring(app + "loadbalancer/app/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
