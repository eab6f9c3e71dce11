package dev.meshwalk.cloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Reads a stack's event log incrementally: each {@link #poll()} returns the events that appeared since the
 * last one, oldest first. DescribeStackEvents answers newest first and pages backwards, so the feed pages only
 * until it meets an event it has already seen.
 *
 * <p>Events that existed before the feed was opened are skipped: their ids are remembered as a baseline, so a
 * stack's long history never replays as progress.
 */
final class StackEventFeed {

    private static final int MAX_PAGES = 20;

    private final CloudFormationClient cfn;
    private final String stack;
    private final Set<String> seen = new HashSet<>();

    private StackEventFeed(CloudFormationClient cfn, String stack) {
        this.cfn = cfn;
        this.stack = stack;
    }

    /** Opens a feed positioned after everything the stack has logged so far (none if it does not exist). */
    static StackEventFeed after(CloudFormationClient cfn, String stack) {
        StackEventFeed feed = new StackEventFeed(cfn, stack);
        feed.poll();
        return feed;
    }

    /** The events since the last poll, oldest first. A stack that does not exist (any more) has none. */
    List<StackEvent> poll() {
        List<StackEvent> fresh = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String next = token;
                DescribeStackEventsResponse response = cfn.describeStackEvents(b -> b.stackName(stack).nextToken(next));
                boolean metSeen = false;
                for (StackEvent event : response.stackEvents()) {
                    if (seen.contains(event.eventId())) {
                        metSeen = true;
                        break;
                    }
                    fresh.add(event);
                }
                token = response.nextToken();
                if (metSeen || token == null || token.isEmpty()) {
                    break;
                }
            }
        } catch (SdkException e) {
            if (!SdkErrors.isMissingStack(e)) {
                throw e;
            }
        }
        for (StackEvent event : fresh) {
            seen.add(event.eventId());
        }
        Collections.reverse(fresh);
        return fresh;
    }
}
