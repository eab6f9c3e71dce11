package dev.meshwalk.localcloud.service.cloudwatch;

import dev.meshwalk.localcloud.service.AwsError;

/**
 * CloudWatch's client errors with their awsQuery code, model shape and status (wire spec table §3.3),
 * so every protocol names the same exception the SDK and the CLIs expect.
 */
final class CloudWatchErrors {

    private CloudWatchErrors() {
    }

    static AwsError invalidValue(String message) {
        return new AwsError("InvalidParameterValue", "InvalidParameterValueException", 400, message);
    }

    static AwsError missing(String parameter) {
        return new AwsError("MissingParameter", "MissingRequiredParameterException", 400,
                "The parameter " + parameter + " is required.");
    }

    static AwsError combination(String message) {
        return new AwsError("InvalidParameterCombination", "InvalidParameterCombinationException", 400, message);
    }

    static AwsError dashboardNotFound(String message) {
        return new AwsError("ResourceNotFound", "DashboardNotFoundError", 404, message);
    }

    static AwsError dashboardInvalid(String message) {
        return new AwsError("InvalidParameterInput", "DashboardInvalidInputError", 400, message);
    }

    static AwsError invalidNextToken() {
        return new AwsError("InvalidNextToken", "InvalidNextToken", 400,
                "The NextToken is not one this service handed out; start again without it.");
    }

    /** Metric-math problems; CloudWatch reports them as ValidationError. */
    static AwsError validation(String message) {
        return new AwsError("ValidationError", "ValidationError", 400, message);
    }
}
