package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterResolverTest {

    private final Template template = new TemplateParser().parse("""
            Parameters:
              Name: {Type: String, AllowedPattern: '[a-z]+', MinLength: 2, MaxLength: 5}
              Count: {Type: Number, MinValue: 1, MaxValue: 9, Default: 3}
              Ids: {Type: 'List<Number>', Default: '1,2'}
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2'}
              Described: {Type: String, Default: x, AllowedValues: [x, y], ConstraintDescription: must be x or y}
            Resources:
              A: {Type: T}
            """);

    private ParameterValues resolve(String... kv) {
        List<ParameterValues.Input> in = new java.util.ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            in.add(new ParameterValues.Input(kv[i], kv[i + 1], false));
        }
        return ParameterResolver.resolve(template, in, null);
    }

    @Test
    void defaultsAndListTypesResolve() {
        ParameterValues v = resolve("Name", "abc");
        assertThat(v.resolved().get("Count")).isEqualTo("3");
        assertThat(v.resolved().get("Ids")).isEqualTo(List.of("1", "2"));
        assertThat(v.resolved().get("Subnets")).isEqualTo(List.of("subnet-1", "subnet-2"));
        assertThat(v.given().get("Subnets")).isEqualTo("subnet-1,subnet-2");
    }

    @Test
    void constraintsAreEnforcedWithCloudFormationWording() {
        assertThatThrownBy(() -> resolve("Name", "ABC")).hasMessage("Parameter 'Name' must match pattern [a-z]+");
        assertThatThrownBy(() -> resolve("Name", "a")).hasMessage("Parameter 'Name' must contain at least 2 characters");
        assertThatThrownBy(() -> resolve("Name", "abcdef")).hasMessage("Parameter 'Name' must contain at most 5 characters");
        assertThatThrownBy(() -> resolve("Name", "ab", "Count", "x")).hasMessage("Parameter 'Count' must be a number.");
        assertThatThrownBy(() -> resolve("Name", "ab", "Count", "10")).hasMessage("Parameter 'Count' must be a number not greater than 9");
        assertThatThrownBy(() -> resolve("Name", "ab", "Described", "z"))
                .hasMessage("Parameter 'Described' failed to satisfy constraint: must be x or y");
        assertThatThrownBy(() -> resolve()).hasMessage("Parameters: [Name] must have values");
    }

    @Test
    void usePreviousValueNeedsAPreviousValue() {
        ParameterValues first = resolve("Name", "abc");
        ParameterValues second = ParameterResolver.resolve(template,
                List.of(new ParameterValues.Input("Name", null, true)), first);
        assertThat(second.given().get("Name")).isEqualTo("abc");
        assertThatThrownBy(() -> ParameterResolver.resolve(template, List.of(new ParameterValues.Input("Name", null, true)), null))
                .hasMessageContaining("Cannot specify usePreviousValue as true");
    }

    @Test
    void unsupportedParameterTypesAreTemplateErrors() {
        assertThatThrownBy(() -> ParameterResolver.checkTypes(new TemplateParser().parse(
                "Parameters:\n  P: {Type: Strang}\nResources:\n  A: {Type: T}\n")))
                .hasMessage("Template format error: Unrecognized parameter type: Strang (Parameters.P)");
    }
}
