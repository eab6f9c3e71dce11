package dev.meshwalk.stacks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML with its short-form tags ({@code !Ref}, {@code !Sub}, ...) into the long
 * form ({@code {Ref: x}}, {@code {Fn::Sub: ...}}), the shape CloudFormation itself sees, so the checks
 * below walk one representation. {@code !GetAtt A.B} becomes {@code [A, B]} as CloudFormation does.
 */
final class CloudFormationYaml extends SafeConstructor {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
        super(new LoaderOptions());
        yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        for (String function : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new CloudFormationYaml()).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String template) {
        return (Map<String, Object>) new Yaml(new CloudFormationYaml()).load(template);
    }

    private final class Intrinsic extends AbstractConstruct {
        private final String key;

        Intrinsic(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Object value;
            if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
                if (key.equals("Fn::GetAtt")) {
                    String text = (String) value;
                    int dot = text.indexOf('.');
                    value = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                }
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else {
                value = constructMapping((MappingNode) node);
            }
            return Map.of(key, value);
        }
    }
}
