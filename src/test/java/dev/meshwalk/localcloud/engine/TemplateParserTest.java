package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    private final TemplateParser parser = new TemplateParser();

    @Test
    void shortFormTagsBecomeLongForm() {
        Template t = parser.parse("""
                Resources:
                  A:
                    Type: T
                    Properties:
                      R: !Ref X
                      G: !GetAtt B.Some.Dotted
                      S: !Sub '${X}'
                      J: !Join [',', [a]]
                      I: !If [C, a, b]
                      N: !Not [!Condition C]
                      M: !FindInMap [M, a, b]
                      V: !ImportValue e
                      B64: !Base64 x
                      CI: !Cidr [10.0.0.0/16, 2, 8]
                      Z: !GetAZs ''
                      SP: !Split [',', 'a,b']
                      SE: !Select [0, [a]]
                      AN: !And [!Equals [a, a], !Or [!Equals [a, b], !Equals [b, b]]]
                """);
        Map<String, Object> p = t.resources().get("A").properties();
        assertThat(p.get("R")).isEqualTo(Map.of("Ref", "X"));
        assertThat(p.get("G")).isEqualTo(Map.of("Fn::GetAtt", List.of("B", "Some.Dotted")));
        assertThat(p.get("S")).isEqualTo(Map.of("Fn::Sub", "${X}"));
        assertThat(p.get("N")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "C"))));
        assertThat(p.get("B64")).isEqualTo(Map.of("Fn::Base64", "x"));
        assertThat(((Map<?, ?>) p.get("AN")).containsKey("Fn::And")).isTrue();
    }

    @Test
    void jsonTemplatesParseToo() {
        Template t = parser.parse("{\"Resources\": {\"A\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": {\"Ref\": \"C\"}}}},"
                + " \"Parameters\": {\"C\": {\"Type\": \"String\", \"NoEcho\": true}}}");
        assertThat(t.resources().get("A").type()).isEqualTo("AWS::EC2::VPC");
        assertThat(t.parameters().get("C").noEcho()).isTrue();
    }

    @Test
    void malformedTemplatesAreTemplateFormatErrorsWithAPlace() {
        assertThatThrownBy(() -> parser.parse("Resources:\n  A: [\n")).hasMessageStartingWith("Template format error: YAML not well-formed. (line");
        assertThatThrownBy(() -> parser.parse("{\"Resources\": ")).hasMessageStartingWith("Template format error: JSON not well-formed.");
        assertThatThrownBy(() -> parser.parse("Resources:\n  A:\n    Properties: {}\n"))
                .hasMessage("Template format error: [/Resources/A] Every Resources object must contain a Type member.");
        assertThatThrownBy(() -> parser.parse("Parameters: {}\n"))
                .hasMessage("Template format error: Resources is missing");
        assertThatThrownBy(() -> parser.parse("Resourcez: {}\nResources:\n  A: {Type: T}\n"))
                .hasMessage("Template format error: Invalid template property or properties [Resourcez]");
        assertThatThrownBy(() -> parser.parse("Resources:\n  Bad-Name: {Type: T}\n"))
                .hasMessage("Template format error: Resource name Bad-Name is non alphanumeric.");
    }
}
