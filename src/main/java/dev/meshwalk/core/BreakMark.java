package dev.meshwalk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * "Break it" on the traffic pane: which color task the learner stopped, where in the traffic loop it happened (so
 * the pane can mark the moment and count what failed since), and when ECS was back to its desired count.
 *
 * @param service        the ECS service the task belonged to
 * @param taskId         the stopped task's id
 * @param afterSequence  the newest answer's sequence number when the stop was made: answers after it came after
 * @param requestsAtStop the loop's request count at the stop
 * @param failedAtStop   the loop's failure count at the stop
 * @param chapterId      the chapter whose architecture is being broken (what the pane explains), or null
 * @param recovered      how long ECS took to run its desired count again, once it did
 * @param desired        the service's desired count
 */
public record BreakMark(String service, String taskId, long afterSequence, long requestsAtStop, long failedAtStop,
        String chapterId, Optional<Duration> recovered, int desired) {

    BreakMark withRecovery(Duration took) {
        return new BreakMark(service, taskId, afterSequence, requestsAtStop, failedAtStop, chapterId,
                Optional.of(took), desired);
    }

    /** What the learner should expect from this chapter's architecture, in one sentence. */
    public String expectation() {
        String chapter = chapterId == null ? "" : chapterId;
        if (chapter.startsWith("0")) {
            return "The internal ALB takes the task out of rotation (draining) before ECS stops it: expect no errors.";
        } else if (chapter.startsWith("1")) {
            return "front keeps the stopped address until its DNS answer's TTL runs out: expect a few errors, then none.";
        } else if (chapter.startsWith("2") || chapter.startsWith("3")) {
            return "Cloud Map drops the task and the Envoy proxies retry on another endpoint: expect no errors.";
        } else if (chapter.startsWith("4") || chapter.startsWith("5")) {
            return "Service Connect's proxy retries and ejects the failing endpoint (outlier detection): expect no"
                    + " errors.";
        }
        return "ECS takes the task out of its load balancer and Cloud Map first, then stops it and starts another.";
    }
}
