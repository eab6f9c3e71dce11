package dev.meshwalk.localcloud.service.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A role as IAM reports it. Policy documents are JSON text; {@link IamViews} URL-encodes them on the way out as IAM
 * does.
 *
 * @param inlinePolicies policy name to document, in the order they were declared
 */
record IamRole(String name, String path, String id, String arn, Instant created, String assumeRolePolicy,
               String description, int maxSessionDuration, List<String> managedPolicyArns,
               Map<String, String> inlinePolicies) {
}
