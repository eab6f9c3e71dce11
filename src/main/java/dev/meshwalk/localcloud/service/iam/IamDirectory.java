package dev.meshwalk.localcloud.service.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.provider.IamResources;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.CreationTimes;
import dev.meshwalk.localcloud.service.Params;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles and policies IAM knows: every {@code AWS::IAM::Role} a stack made (with the inline policies of its
 * {@code Policies} and of {@code AWS::IAM::Policy} resources naming it, and the managed policies of its
 * {@code ManagedPolicyArns} and of {@code AWS::IAM::ManagedPolicy} resources naming it) and the service-linked roles.
 */
final class IamDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IamResources records;
    private final CreationTimes created;
    private final ServiceLinkedRoles serviceLinked;

    IamDirectory(IamResources records, CreationTimes created, ServiceLinkedRoles serviceLinked) {
        this.records = records;
        this.created = created;
        this.serviceLinked = serviceLinked;
    }

    List<IamRole> roles() {
        List<IamRole> out = new ArrayList<>(serviceLinked.all());
        records.ofType("AWS::IAM::Role").forEach(r -> out.add(role(r)));
        out.sort(Comparator.comparing(IamRole::name));
        return out;
    }

    Optional<IamRole> role(String name) {
        return roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** A managed policy attached to some role or made by a stack: its ARN, id, path and attachment count. */
    record ManagedPolicy(String arn, String name, String path, String id, String description, Instant created,
                         int attachments) {
    }

    Optional<ManagedPolicy> managedPolicy(String arn) {
        long attachments = roles().stream().filter(r -> r.managedPolicyArns().contains(arn)).count();
        Optional<ResourceRecord> own = records.get(arn).filter(r -> r.type().equals("AWS::IAM::ManagedPolicy"));
        if (own.isEmpty() && attachments == 0) {
            return Optional.empty(); // an AWS managed policy no role uses: not one this local cloud can vouch for
        }
        String resource = arn.substring(arn.indexOf(":policy/") + ":policy".length());
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String path = resource.substring(0, resource.lastIndexOf('/') + 1);
        return Optional.of(new ManagedPolicy(arn, name, path,
                own.map(r -> String.valueOf(r.attributes().get("PolicyId"))).orElse(IamIds.id("ANPA", arn)),
                own.map(r -> new Params(r.properties()).string("Description").orElse(null)).orElse(null),
                own.flatMap(r -> created.of(r.physicalId())).orElse(null), (int) attachments));
    }

    private IamRole role(ResourceRecord record) {
        Params p = new Params(record.properties());
        String name = record.physicalId();
        Set<String> managed = new LinkedHashSet<>(p.strings("ManagedPolicyArns"));
        Map<String, String> inline = new LinkedHashMap<>();
        p.structs("Policies").forEach(policy -> inline.put(policy.string("PolicyName").orElse(""),
                json(policy.tree().get("PolicyDocument"))));
        for (ResourceRecord other : records.all()) {
            Params o = new Params(other.properties());
            if (!o.strings("Roles").contains(name)) {
                continue;
            }
            if (other.type().equals("AWS::IAM::Policy")) {
                inline.put(o.string("PolicyName").orElse(other.physicalId()), json(o.tree().get("PolicyDocument")));
            } else if (other.type().equals("AWS::IAM::ManagedPolicy")) {
                managed.add(other.physicalId());
            }
        }
        return new IamRole(name, p.string("Path").orElse("/"), String.valueOf(record.attributes().get("RoleId")),
                String.valueOf(record.attributes().get("Arn")), created.of(name).orElse(null),
                json(p.tree().get("AssumeRolePolicyDocument")), p.string("Description").orElse(null),
                p.integer("MaxSessionDuration").orElse(3600), List.copyOf(managed), inline);
    }

    /** A policy document as IAM stores it: JSON text (a template may give it as an object or as text). */
    private static String json(Object document) {
        if (document == null || document instanceof String) {
            return (String) document;
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved template value is always JSON: " + e.getMessage(), e);
        }
    }
}
