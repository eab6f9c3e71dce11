package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last {@value #MAX_STOPPED_TASKS} tasks that stopped and left a service, oldest first: ECS keeps stopped tasks
 * visible to {@code ListTasks --desired-status STOPPED} and {@code DescribeTasks} for a while, which is how a learner
 * reads why a task stopped.
 */
final class StoppedTasks {

    private static final int MAX_STOPPED_TASKS = 100;

    private final List<TaskInfo> stopped = new CopyOnWriteArrayList<>();

    void add(TaskInfo task) {
        stopped.add(task);
        while (stopped.size() > MAX_STOPPED_TASKS) {
            stopped.remove(0);
        }
    }

    List<TaskInfo> all() {
        return List.copyOf(stopped);
    }
}
