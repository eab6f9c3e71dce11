package dev.meshwalk.localcloud.service.iam;

import dev.meshwalk.localcloud.service.AwsError;

/** IAM's client errors as the 2010-05-08 model codes them and IAM words them. */
final class IamErrors {

    private IamErrors() {
    }

    static AwsError noSuchEntity(String message) {
        return new AwsError("NoSuchEntity", "NoSuchEntityException", 404, message);
    }

    static AwsError invalidInput(String message) {
        return new AwsError("InvalidInput", "InvalidInputException", 400, message);
    }

    /** A request member that breaks the model's constraints, as IAM's request validation reports it. */
    static AwsError validation(String member, String value, String constraint) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member + "' failed to satisfy constraint: "
                + constraint);
    }
}
