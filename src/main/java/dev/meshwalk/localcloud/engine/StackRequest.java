package dev.meshwalk.localcloud.engine;

import java.util.List;
import java.util.Map;

/**
 * What CreateStack, UpdateStack and CreateChangeSet have in common.
 *
 * @param tags null means "keep the stack's tags" (an update that sent none)
 * @param onFailure {@code ROLLBACK} (default), {@code DO_NOTHING} or {@code DELETE}; null for updates
 */
public record StackRequest(
        String stackName,
        String templateBody,
        boolean usePreviousTemplate,
        List<ParameterValues.Input> parameters,
        List<String> capabilities,
        Map<String, String> tags,
        List<String> notificationArns,
        boolean disableRollback,
        String onFailure,
        String region,
        String accountId) {
}
