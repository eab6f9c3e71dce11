package dev.meshwalk.cloud;

import java.util.Map;

/**
 * What to deploy: one chapter's template into the tutorial's single stack.
 *
 * @param stackName    the tutorial's one stack, {@code meshwalk-<project>}
 * @param chapterId    e.g. {@code 3-routing}; recorded in the {@code meshwalk:chapter} tag
 * @param templateBody the chapter's template text
 * @param parameters   candidate parameter values; only those the template declares are sent
 */
public record DeployRequest(String stackName, String chapterId, String templateBody, Map<String, String> parameters) {

    public DeployRequest {
        parameters = Map.copyOf(parameters);
    }

    /** The tags every tutorial stack carries (CloudFormation copies them to the resources that take tags). */
    public Map<String, String> tags() {
        return Map.of(StackInfo.MANAGED_TAG, "true", StackInfo.PROJECT_TAG, projectFor(stackName),
                StackInfo.CHAPTER_TAG, chapterId);
    }

    /** The stack name for a project, the one place that rule lives. */
    public static String stackNameFor(String project) {
        return STACK_PREFIX + project;
    }

    /** The project a stack name belongs to: the inverse of {@link #stackNameFor} (a foreign name is its own). */
    public static String projectFor(String stackName) {
        return stackName.startsWith(STACK_PREFIX) ? stackName.substring(STACK_PREFIX.length()) : stackName;
    }

    private static final String STACK_PREFIX = "meshwalk-";
}
