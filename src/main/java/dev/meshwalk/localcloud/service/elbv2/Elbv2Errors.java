package dev.meshwalk.localcloud.service.elbv2;

import dev.meshwalk.localcloud.service.AwsError;

/** Elastic Load Balancing v2's client errors: the model's query codes (all 400, sender faults) and ELB's wording. */
final class Elbv2Errors {

    private Elbv2Errors() {
    }

    static AwsError loadBalancerNotFound() {
        return AwsError.badRequest("LoadBalancerNotFound", "One or more load balancers not found");
    }

    static AwsError loadBalancersNamedNotFound(Iterable<String> names) {
        return AwsError.badRequest("LoadBalancerNotFound", "Load balancers '" + names + "' not found");
    }

    static AwsError targetGroupNotFound() {
        return AwsError.badRequest("TargetGroupNotFound", "One or more target groups not found");
    }

    static AwsError targetGroupNotFound(String arn) {
        return AwsError.badRequest("TargetGroupNotFound", "Target groups '" + arn + "' not found");
    }

    static AwsError listenerNotFound() {
        return AwsError.badRequest("ListenerNotFound", "One or more listeners not found");
    }

    static AwsError ruleNotFound() {
        return AwsError.badRequest("RuleNotFound", "One or more rules not found");
    }

    static AwsError validation(String message) {
        return AwsError.badRequest("ValidationError", message);
    }

    /** An ARN of the wrong shape, as ELB words it ({@code 'x' is not a valid target group ARN}). */
    static void requireArn(String value, String resource, String what) {
        if (!value.startsWith("arn:") || !value.contains(":elasticloadbalancing:") || !value.contains(":" + resource + "/")) {
            throw validation("'" + value + "' is not a valid " + what + " ARN");
        }
    }
}
