package dev.meshwalk.localcloud.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns CloudFormation's short-form YAML tags ({@code !Ref x}, {@code !GetAtt A.B}, {@code !Sub ...}) into the
 * long form ({@code {Ref: x}}, {@code {Fn::GetAtt: [A, B]}}), so the evaluator only ever sees one shape.
 * Scalars are kept as text the way CloudFormation treats them ({@code 8080} and {@code "8080"} compare equal
 * later because every leaf is compared as text).
 */
final class CfnYamlConstructor extends SafeConstructor {

    private static final List<String> FUNCTIONS = List.of(
            "Sub", "Join", "Select", "Split", "GetAZs", "If", "Equals", "And", "Or", "Not", "FindInMap",
            "ImportValue", "Base64", "Cidr", "Transform", "ToJsonString", "Length");

    CfnYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(new Tag("!Ref"), new Short("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new Short("Condition"));
        yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
        for (String fn : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + fn), new Short("Fn::" + fn));
        }
    }

    private Object plain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node child : seq.getValue()) {
                out.add(constructObject(child));
            }
            return out;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (var tuple : ((MappingNode) node).getValue()) {
            out.put(constructObject(tuple.getKeyNode()), constructObject(tuple.getValueNode()));
        }
        return out;
    }

    /** {@code !Fn value} becomes {@code {Fn::Fn: value}}. */
    private final class Short extends AbstractConstruct {
        private final String key;

        Short(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, plain(node));
            return m;
        }
    }

    /** {@code !GetAtt Res.Attr} (dotted, the attribute may itself contain dots) or {@code !GetAtt [Res, Attr]}. */
    private final class GetAtt extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object v = plain(node);
            if (v instanceof String s) {
                int dot = s.indexOf('.');
                v = dot < 0 ? List.of(s) : List.of(s.substring(0, dot), s.substring(dot + 1));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Fn::GetAtt", v);
            return m;
        }
    }
}
