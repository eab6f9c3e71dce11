package dev.meshwalk.localcloud.service.cloudmap;

import dev.meshwalk.localcloud.service.AwsError;

/** Cloud Map's error shapes (all 400 in its model): {@code InvalidInput} and the three {@code ...NotFound}. */
final class CloudMapErrors {

    private CloudMapErrors() {
    }

    static AwsError invalidInput(String message) {
        return AwsError.badRequest("InvalidInput", message);
    }

    static AwsError namespaceNotFound(String what) {
        return AwsError.badRequest("NamespaceNotFound", "Namespace not found: " + what);
    }

    static AwsError serviceNotFound(String what) {
        return AwsError.badRequest("ServiceNotFound", "Service not found: " + what);
    }

    static AwsError instanceNotFound(String what) {
        return AwsError.badRequest("InstanceNotFound", "Instance not found: " + what);
    }
}
