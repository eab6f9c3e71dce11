package dev.meshwalk.localcloud.dataplane.ecs;

/** Starts the local program that stands in for one kind of container image. */
@FunctionalInterface
public interface ContainerProgram {

    /**
     * Starts the program; returns once it accepts work.
     *
     * @throws Exception with a message that becomes the task's stopped reason
     */
    RunningContainer start(ContainerLaunch launch) throws Exception;
}
