package dev.meshwalk.localcloud.service.iam;

import dev.meshwalk.localcloud.provider.AppMeshResources;
import dev.meshwalk.localcloud.provider.EcsResources;
import dev.meshwalk.localcloud.provider.Elbv2Resources;
import dev.meshwalk.localcloud.provider.IamResources;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.CreationTimes;
import dev.meshwalk.localcloud.service.Paging;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's read API for roles (awsQuery, version 2010-05-08, signing name {@code iam}; a global service, so clients
 * sign for {@code us-east-1}): {@code GetRole}, {@code ListRoles}, {@code ListAttachedRolePolicies},
 * {@code ListRolePolicies}, {@code GetRolePolicy}, {@code GetPolicy}. Nothing is enforced locally; this is so that
 * scripts written for AWS, which check a role or a service-linked role before they go on, run unchanged.
 * Policy documents are URL-encoded JSON, as IAM sends them (botocore decodes them, the SDK leaves that to callers).
 */
public final class IamApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("GetRole", "ListRoles", "ListAttachedRolePolicies",
            "ListRolePolicies", "GetRolePolicy", "GetPolicy");
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

    /** {@code Marker} is {@code m} and the offset (a negative one read as 0); {@code MaxItems} 1-1000, default 100. */
    private static final Paging PAGING = Paging.tokens("Marker", from -> "m" + from,
                    marker -> Math.max(0, Integer.parseInt(marker.replaceFirst("^m", ""))),
                    marker -> IamErrors.invalidInput("Invalid Marker " + marker + ": it was not handed out by this service."))
            .sized("MaxItems", 100, 1, 1000,
                    max -> IamErrors.validation("maxItems", String.valueOf(max), "Member must have value between 1 and 1000"));

    private final IamDirectory directory;

    /**
     * Registers on the stores whose resources make service-linked roles (ECS clusters, meshes, load balancers) and
     * on the IAM store for creation dates; call before any stack is created.
     */
    public IamApiService(IamResources iam, EcsResources ecs, AppMeshResources appMesh, Elbv2Resources elbv2,
                         Clock clock) {
        CreationTimes created = new CreationTimes(clock);
        iam.addListener(created);
        ServiceLinkedRoles serviceLinked = new ServiceLinkedRoles(clock);
        ecs.addListener(serviceLinked);
        appMesh.addListener(serviceLinked);
        elbv2.addListener(serviceLinked);
        this.directory = new IamDirectory(iam, created, serviceLinked);
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "GetRole" -> Map.of("Role", roleView(role(input), true));
            case "ListRoles" -> listRoles(input);
            case "ListAttachedRolePolicies" -> attachedPolicies(input);
            case "ListRolePolicies" -> page(List.copyOf(role(input).inlinePolicies().keySet()), input, "PolicyNames");
            case "GetRolePolicy" -> rolePolicy(input);
            case "GetPolicy" -> policy(input);
            default -> throw new IllegalArgumentException(operation + " is not an IAM operation of this service");
        };
    }

    private IamRole role(Params input) {
        String name = name(input, "RoleName", "roleName");
        return directory.role(name).orElseThrow(() ->
                IamErrors.noSuchEntity("The role with name " + name + " cannot be found."));
    }

    private static String name(Params input, String member, String modelName) {
        String value = input.string(member).orElse(null);
        if (value == null || value.isEmpty()) {
            throw IamErrors.validation(modelName, null, "Member must not be null");
        }
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.validation(modelName, value, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    private Map<String, Object> listRoles(Params input) {
        String prefix = input.string("PathPrefix").orElse("/");
        List<Object> roles = directory.roles().stream().filter(r -> r.path().startsWith(prefix))
                .map(r -> (Object) roleView(r, false)).toList();
        return page(roles, input, "Roles");
    }

    private Map<String, Object> attachedPolicies(Params input) {
        String prefix = input.string("PathPrefix").orElse("/");
        List<Object> attached = role(input).managedPolicyArns().stream()
                .filter(arn -> arn.substring(arn.indexOf(":policy") + ":policy".length()).startsWith(prefix))
                .map(arn -> (Object) Map.of("PolicyName", arn.substring(arn.lastIndexOf('/') + 1), "PolicyArn", arn))
                .toList();
        return page(attached, input, "AttachedPolicies");
    }

    private Map<String, Object> rolePolicy(Params input) {
        IamRole role = role(input);
        String policyName = name(input, "PolicyName", "policyName");
        String document = role.inlinePolicies().get(policyName);
        if (document == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("RoleName", role.name());
        out.put("PolicyName", policyName);
        out.put("PolicyDocument", encoded(document));
        return out;
    }

    private Map<String, Object> policy(Params input) {
        String arn = input.string("PolicyArn").filter(s -> !s.isEmpty())
                .orElseThrow(() -> IamErrors.validation("policyArn", null, "Member must not be null"));
        if (!arn.matches("arn:aws[\\w-]*:iam::(aws|\\d{12}):policy/.+")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        IamDirectory.ManagedPolicy policy = directory.managedPolicy(arn).orElseThrow(() ->
                IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PolicyName", policy.name());
        out.put("PolicyId", policy.id());
        out.put("Arn", policy.arn());
        out.put("Path", policy.path());
        out.put("DefaultVersionId", "v1");
        out.put("AttachmentCount", policy.attachments());
        out.put("PermissionsBoundaryUsageCount", 0);
        out.put("IsAttachable", true);
        out.put("Description", policy.description());
        out.put("CreateDate", policy.created());
        out.put("UpdateDate", policy.created());
        return Map.of("Policy", out);
    }

    private static Map<String, Object> roleView(IamRole role, boolean full) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Path", role.path());
        out.put("RoleName", role.name());
        out.put("RoleId", role.id());
        out.put("Arn", role.arn());
        out.put("CreateDate", role.created());
        out.put("AssumeRolePolicyDocument", encoded(role.assumeRolePolicy()));
        out.put("Description", role.description());
        out.put("MaxSessionDuration", role.maxSessionDuration());
        if (full) {
            out.put("RoleLastUsed", Map.of());
        }
        return out;
    }

    /** IAM sends policy documents URL-encoded ({@code %20} for spaces; botocore unquotes, then parses the JSON). */
    private static String encoded(String document) {
        return document == null ? null : URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** IAM pagination: {@code MaxItems} (1-1000, default 100) and {@code Marker}; answers carry {@code IsTruncated}. */
    private static Map<String, Object> page(List<?> all, Params input, String member) {
        Paging.Page<?> page = PAGING.page(all, input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, page.items());
        out.put("IsTruncated", page.truncated());
        if (page.truncated()) {
            out.put("Marker", page.nextToken());
        }
        return out;
    }
}
