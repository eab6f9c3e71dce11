package dev.meshwalk.core;

/**
 * Structured content of an action's pane that the core folds from typed Msgs (a stack operation's progress, the
 * traffic loop's numbers), drawn by {@link BoardText} above the pane's own lines. Kept as data so both front-ends
 * say the same words and tests can check the numbers, not the layout.
 */
public sealed interface Board permits DeployBoard, TrafficBoard, MetricsBoard, StackWaitBoard {
}
