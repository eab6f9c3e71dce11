package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void ordersDependenciesFirstAndReversesForDeletion() {
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        refs.put("Service", Set.of("Task", "Cluster"));
        refs.put("Task", Set.of("Role", "Env"));
        refs.put("Cluster", Set.of());
        refs.put("Role", Set.of("AWS::Region"));
        DependencyGraph g = DependencyGraph.of(refs);
        List<String> order = g.order();
        assertThat(order.indexOf("Role")).isLessThan(order.indexOf("Task"));
        assertThat(order.indexOf("Task")).isLessThan(order.indexOf("Service"));
        assertThat(order.indexOf("Cluster")).isLessThan(order.indexOf("Service"));
        assertThat(g.dependenciesOf("Task")).containsExactly("Role");
        assertThat(g.reversed().dependenciesOf("Task")).containsExactly("Service");
    }

    @Test
    void cyclesAreReportedWithTheirMembers() {
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        refs.put("A", Set.of("B"));
        refs.put("B", Set.of("C"));
        refs.put("C", Set.of("A"));
        refs.put("D", Set.of());
        assertThatThrownBy(() -> DependencyGraph.of(refs))
                .hasMessage("Template format error: Circular dependency between resources: [A, B, C]");
    }

    @Test
    void referencesAreFoundInRefGetAttSubAndDependsOnButNotInLiterals() {
        Template t = new TemplateParser().parse("""
                Resources:
                  A:
                    Type: T
                    DependsOn: D
                    Properties:
                      X: !Ref B
                      Y: !Sub '${C.Arn}-${!NotARef}-${AWS::Region}'
                      Z: !Sub ['${Local}', {Local: !GetAtt E.Id}]
                  B: {Type: T}
                  C: {Type: T}
                  D: {Type: T}
                  E: {Type: T}
                """);
        assertThat(References.of(t.resources().get("A").properties())).containsExactlyInAnyOrder("B", "C", "E");
        assertThat(References.attributesOf(t.resources().get("A").properties())).containsExactlyInAnyOrder("C", "E");
        assertThatThrownBy(() -> TemplateAnalysis.checkStructure(new TemplateParser().parse(
                "Resources:\n  A:\n    Type: T\n    Properties: {X: !GetAtt B.Arn}\n  B:\n    Type: T\n    Properties: {Y: !Ref A}\n")))
                .hasMessage("Template format error: Circular dependency between resources: [A, B]");
    }
}
