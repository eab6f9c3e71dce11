package dev.meshwalk.localcloud.engine.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource schemas AWS publishes, reduced to what the local cloud checks, for the types it knows. They are
 * read from {@code localcloud/schemas/resource-schemas.json} on the class path, a file made by
 * {@code src/tools/resource-schemas/update.mjs} from the AWS CDK's {@code @aws-cdk/aws-service-spec} package (its
 * version and licence are in {@code SOURCE.md} and {@code LICENSE} beside it). With these the engine refuses what
 * CloudFormation refuses, so a template that deploys locally also deploys on AWS.
 */
public final class ResourceSchemas {

    public static final String RESOURCE = "/localcloud/schemas/resource-schemas.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ResourceSchemas standard;

    private final Map<String, ResourceSchema> byType;

    private ResourceSchemas(Map<String, ResourceSchema> byType) {
        this.byType = byType;
    }

    /** The facts shipped with the local cloud, read once. */
    public static synchronized ResourceSchemas standard() {
        if (standard == null) {
            try (InputStream in = ResourceSchemas.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild the jar");
                }
                standard = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
        return standard;
    }

    static ResourceSchemas read(InputStream in) throws IOException {
        Map<String, Map<String, Object>> raw = JSON.readValue(in, new TypeReference<>() { });
        Map<String, ResourceSchema> byType = new LinkedHashMap<>();
        raw.forEach((type, facts) -> {
            Map<String, ObjectShape> types = new LinkedHashMap<>();
            map(facts.get("types")).forEach((name, shape) -> types.put(name, shape(map(shape))));
            byType.put(type, new ResourceSchema(type, shape(facts), Set.copyOf(strings(facts.get("attributes"))),
                    types));
        });
        return new ResourceSchemas(byType);
    }

    public Optional<ResourceSchema> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return byType.keySet();
    }

    /**
     * CloudFormation's reason for refusing these properties ("Properties validation failed for resource X with
     * message: ..."), or empty when they fit the schema (or the type has none here, e.g. a test double).
     */
    public Optional<String> propertyFailure(String logicalId, String type, Map<String, Object> properties) {
        List<String> violations = find(type).map(s -> s.violations(properties)).orElse(List.of());
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        String message = violations.size() == 1 ? violations.get(0) : violations.toString();
        return Optional.of("Properties validation failed for resource " + logicalId + " with message: " + message);
    }

    /** Whether this change replaces a resource of this type ({@link Replacement#FALSE} for a type with no schema). */
    public Replacement replacement(String type, Map<String, Object> before, Map<String, Object> after,
                                   Set<String> changed) {
        return find(type).map(s -> s.replacement(before, after, changed)).orElse(Replacement.FALSE);
    }

    /** Whether changing one property can replace a resource of this type. */
    public Replacement replacementOf(String type, String property) {
        return find(type).map(s -> s.replacementOf(property)).orElse(Replacement.FALSE);
    }

    private static ObjectShape shape(Map<String, Object> facts) {
        Map<String, PropertyType> properties = new LinkedHashMap<>();
        map(facts.get("properties")).forEach((name, type) -> properties.put(name, PropertyType.parse((String) type)));
        return new ObjectShape(properties, strings(facts.get("required")),
                new LinkedHashSet<>(strings(facts.get("createOnly"))),
                new LinkedHashSet<>(strings(facts.get("conditionalReplacement"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return v == null ? List.of() : List.copyOf((List<String>) v);
    }
}
