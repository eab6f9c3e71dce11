package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stack in {@code stacks/} (and every template the tests deploy from {@code src/test/resources/cfn/}) fits
 * AWS's published resource schemas, resource by resource, with values that resources will only have after they
 * are made left open. A chapter stack that would fail on AWS with "Properties validation failed" fails the build
 * here, whether or not the local cloud can provision its types.
 */
class StackTemplatesValidateTest {

    static Stream<Path> templates() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(Path.of("stacks"), Path.of("src/test/resources/cfn"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted()
                        .forEach(out::add);
            }
        }
        assertThat(out).as("stacks/*.yaml").anyMatch(p -> p.startsWith("stacks"));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void fitsTheResourceSchemas(Path file) throws IOException {
        Template t = new TemplateParser().parse(Files.readString(file));
        TemplateAnalysis.checkStructure(t);
        List<ParameterValues.Input> inputs = new ArrayList<>();
        for (Template.ParameterDecl p : t.parameters().values()) {
            if (p.defaultValue() == null) {
                inputs.add(new ParameterValues.Input(p.name(),
                        p.allowedValues().isEmpty() ? "placeholder" : p.allowedValues().get(0), false));
            }
        }
        StackContext ctx = new StackContext(t, ParameterResolver.resolve(t, inputs, null), "us-east-1",
                "000000000000", "demo", "arn:aws:cloudformation:us-east-1:000000000000:stack/demo/1", name -> "imported");
        ctx.withValues(new StackContext.Values() {
            @Override
            public Object ref(String logicalId) {
                return t.resources().containsKey(logicalId) ? Unknown.VALUE : null;
            }

            @Override
            public Object getAtt(String logicalId, String attribute) {
                return Unknown.VALUE;
            }
        });
        ResourceSchemas schemas = ResourceSchemas.standard();
        List<String> failures = new ArrayList<>();
        for (ResourceDecl r : TemplateAnalysis.analyze(ctx).resources().values()) {
            if (schemas.find(r.type()).isEmpty()) {
                failures.add(r.logicalId() + ": no schema facts for " + r.type()
                        + " (run `node src/tools/resource-schemas/update.mjs`)");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) ctx.intrinsics()
                    .resolve(r.properties(), "Resources." + r.logicalId() + ".Properties");
            schemas.propertyFailure(r.logicalId(), r.type(), props == null ? Map.of() : props).ifPresent(failures::add);
        }
        assertThat(failures).as(file.toString()).isEmpty();
    }
}
