package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.service.AwsError;

/**
 * ECS's client errors, by model shape (JSON 1.1 sends the shape as {@code __type}; every ECS error is a 400), with
 * the messages ECS itself uses for them.
 */
final class EcsErrors {

    private EcsErrors() {
    }

    static AwsError clusterNotFound() {
        return error("ClusterNotFoundException", "Cluster not found.");
    }

    static AwsError serviceNotFound() {
        return error("ServiceNotFoundException", "Service not found.");
    }

    static AwsError invalidParameter(String message) {
        return error("InvalidParameterException", message);
    }

    static AwsError client(String message) {
        return error("ClientException", message);
    }

    static AwsError deploymentNotFound(String message) {
        return error("ServiceDeploymentNotFoundException", message);
    }

    static AwsError conflict(String message) {
        return error("ConflictException", message);
    }

    /** A required member missing, worded as ECS's request validation words it. */
    static AwsError missing(String member) {
        return invalidParameter(member + " can not be blank.");
    }

    private static AwsError error(String shape, String message) {
        return new AwsError(shape, shape, 400, message);
    }
}
