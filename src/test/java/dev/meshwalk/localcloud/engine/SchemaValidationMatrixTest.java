package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.engine.schema.PropertyType;
import dev.meshwalk.localcloud.engine.schema.ResourceSchema;
import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceProvider;
import dev.meshwalk.localcloud.provider.ResourceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every resource type the local cloud provisions, the engine refuses what CloudFormation refuses: a misspelled
 * property, a wrong type, a missing required property and an unknown key in a nested object fail the resource with
 * CloudFormation's reason and roll the stack back; a GetAtt of an attribute the type lacks fails template
 * validation; the fixed template deploys. A provider double stands in for every type, so only the engine's schema
 * check decides.
 */
class SchemaValidationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceSchemas SCHEMAS = ResourceSchemas.standard();
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static CloudFormationEngine engine;

    @BeforeAll
    static void start() {
        ProviderRegistry registry = ProviderRegistry.standard();
        Set<String> types = Set.copyOf(registry.supportedTypes());
        registry.register(new ResourceProvider() {
            @Override
            public Set<String> resourceTypes() {
                return types;
            }

            @Override
            public Provisioned create(ResourceRequest request) {
                return new Provisioned("id-" + request.logicalId(), Map.of());
            }

            @Override
            public Provisioned update(ResourceRequest request, Provisioned current) {
                return current;
            }

            @Override
            public void delete(ResourceRequest request, Provisioned current) {
            }
        });
        engine = new CloudFormationEngine(registry, EngineSettings.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<String> types() {
        return ProviderRegistry.standard().supportedTypes().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theFixedTemplateDeploys(String type) {
        Stack stack = create(type, samples(type).validProperties());
        assertThat(stack.status()).as(String.valueOf(stack.statusReason())).isEqualTo(StackStatus.CREATE_COMPLETE);
    }

    @ParameterizedTest
    @MethodSource("types")
    void aMisspelledPropertyFailsTheResourceAndRollsBack(String type) {
        Map<String, Object> props = samples(type).validProperties();
        String misspelled = schema(type).shape().properties().keySet().iterator().next() + "z";
        props.put(misspelled, "x");
        assertRolledBack(create(type, props), "#: extraneous key [" + misspelled + "] is not permitted");
    }

    @ParameterizedTest
    @MethodSource("types")
    void aWrongTypeFailsTheResource(String type) {
        Map<String, Object> props = samples(type).validProperties();
        Map.Entry<String, String> wrong = wrongValue(schema(type), props);
        assertRolledBack(create(type, props), wrong.getValue());
    }

    @ParameterizedTest
    @MethodSource("types")
    void aMissingRequiredPropertyFailsTheResource(String type) {
        List<String> required = schema(type).shape().required();
        assumeTrue(!required.isEmpty(), type + " requires no property in its published schema");
        Map<String, Object> props = samples(type).validProperties();
        props.remove(required.get(0));
        assertRolledBack(create(type, props), "#: required key [" + required.get(0) + "] not found");
    }

    @ParameterizedTest
    @MethodSource("types")
    void anUnknownKeyInANestedObjectFailsTheResource(String type) {
        Optional<Map.Entry<String, String>> nested = schema(type).shape().properties().entrySet().stream()
                .filter(e -> e.getValue() instanceof PropertyType.Named n && !schema(type).types().get(n.name())
                        .properties().isEmpty())
                .map(e -> Map.entry(e.getKey(), ((PropertyType.Named) e.getValue()).name())).findFirst();
        assumeTrue(nested.isPresent(), type + " has no nested object property");
        Map<String, Object> props = samples(type).validProperties();
        props.put(nested.get().getKey(), samples(type).withUnknownKey(nested.get().getValue()));
        assertRolledBack(create(type, props), "#/" + nested.get().getKey() + ": extraneous key [Bogus] is not permitted");
    }

    @ParameterizedTest
    @MethodSource("types")
    void aGetAttOfAnAttributeTheTypeLacksFailsTemplateValidation(String type) {
        String bad = template(type, samples(type).validProperties(), "Bogus");
        assertThatThrownBy(() -> engine.parse(bad)).isInstanceOf(CfnException.class)
                .hasMessage("Template error: resource R does not support attribute type Bogus in Fn::GetAtt");
        schema(type).attributes().stream().findFirst().ifPresent(attribute ->
                engine.parse(template(type, samples(type).validProperties(), attribute)));
    }

    private static void assertRolledBack(Stack stack, String violation) {
        assertThat(stack.status()).isEqualTo(StackStatus.ROLLBACK_COMPLETE);
        assertThat(stack.eventsNewestFirst()).anySatisfy(e -> {
            assertThat(e.logicalResourceId()).isEqualTo("R");
            assertThat(e.resourceStatus()).isEqualTo("CREATE_FAILED");
            assertThat(e.resourceStatusReason())
                    .isEqualTo("Properties validation failed for resource R with message: " + violation);
        });
    }

    /** Puts a value of the wrong kind into one property; returns the property and the violation to expect. */
    private static Map.Entry<String, String> wrongValue(ResourceSchema schema, Map<String, Object> props) {
        Map<String, PropertyType> properties = schema.shape().properties();
        for (var e : properties.entrySet()) {
            if (e.getValue() instanceof PropertyType.Scalar s && !s.name().equals("string") && !s.name().equals("timestamp")) {
                props.put(e.getKey(), "not-a-" + s.name());
                String expected = Map.of("integer", "Integer", "number", "Number", "boolean", "Boolean").get(s.name());
                return Map.entry(e.getKey(), "#/" + e.getKey() + ": expected type: " + expected + ", found: String");
            }
        }
        for (var e : properties.entrySet()) {
            if (e.getValue() instanceof PropertyType.Scalar) {
                props.put(e.getKey(), Map.of("a", "b"));
                return Map.entry(e.getKey(), "#/" + e.getKey() + ": expected type: String, found: JSONObject");
            }
        }
        for (var e : properties.entrySet()) {
            if (e.getValue() instanceof PropertyType.ListOf) {
                props.put(e.getKey(), "x");
                return Map.entry(e.getKey(), "#/" + e.getKey() + ": expected type: JSONArray, found: String");
            }
        }
        throw new AssertionError(schema.type() + " has no scalar or list property to get wrong");
    }

    private static Stack create(String type, Map<String, Object> props) {
        String name = "m" + STACKS.incrementAndGet();
        return engine.createStack(new StackRequest(name, template(type, props, null), false, List.of(),
                List.of("CAPABILITY_NAMED_IAM"), Map.of(), List.of(), false, null, "us-east-1", "000000000000"));
    }

    private static String template(String type, Map<String, Object> props, String getAtt) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("Resources", Map.of("R", Map.of("Type", type, "Properties", props)));
        if (getAtt != null) {
            t.put("Outputs", Map.of("Out", Map.of("Value", Map.of("Fn::GetAtt", List.of("R", getAtt)))));
        }
        try {
            return JSON.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResourceSchema schema(String type) {
        return SCHEMAS.find(type).orElseThrow();
    }

    private static SchemaSamples samples(String type) {
        return new SchemaSamples(schema(type));
    }
}
