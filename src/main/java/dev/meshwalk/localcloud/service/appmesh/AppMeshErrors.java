package dev.meshwalk.localcloud.service.appmesh;

import dev.meshwalk.localcloud.service.AwsError;

/** App Mesh's error shapes as its model declares them: 400 {@code BadRequestException}, 404 {@code NotFoundException}. */
final class AppMeshErrors {

    private AppMeshErrors() {
    }

    static AwsError badRequest(String message) {
        return new AwsError("BadRequestException", "BadRequestException", 400, message);
    }

    static AwsError notFound(String message) {
        return new AwsError("NotFoundException", "NotFoundException", 404, message);
    }

    /** App Mesh's wording for a missing resource, e.g. "VirtualNode with name x is not present under mesh m ...". */
    static AwsError notPresent(String kind, String name, String mesh, String account) {
        return notFound(kind + " with name " + name + " is not present"
                + (mesh == null ? "" : " under mesh " + mesh) + " for account " + account);
    }
}
