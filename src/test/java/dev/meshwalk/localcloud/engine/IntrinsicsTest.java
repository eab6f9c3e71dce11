package dev.meshwalk.localcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private static final String TEMPLATE = """
            Parameters:
              Env: {Type: String, Default: prod}
              Ports: {Type: CommaDelimitedList, Default: "80,443"}
            Mappings:
              Sizes:
                prod: {Count: "3"}
                dev: {Count: "1"}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Equals [a, a]]
              Either: !Or [!Condition NotProd, !Equals [a, b]]
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: {CidrBlock: 10.0.0.0/16}
            """;

    private final Template template = new TemplateParser().parse(TEMPLATE);
    private final StackContext ctx = new StackContext(template,
            ParameterResolver.resolve(template, List.of(), null), "eu-west-1", "000000000000", "demo",
            "arn:aws:cloudformation:eu-west-1:000000000000:stack/demo/1", name -> name.equals("shared") ? "vpc-1" : null)
            .withValues(new StackContext.Values() {
                @Override
                public Object ref(String id) {
                    return id.equals("Vpc") ? "vpc-0123" : null;
                }

                @Override
                public Object getAtt(String id, String attribute) {
                    return attribute.equals("CidrBlock") ? "10.0.0.0/16" : id + "." + attribute;
                }
            });

    private Object eval(String yamlValue) {
        Template t = new TemplateParser().parse("Resources:\n  X:\n    Type: T\n    Properties:\n      V: " + yamlValue + "\n");
        return ((Map<?, ?>) ctx.intrinsics().resolve(t.resources().get("X").properties(), "Resources.X.Properties")).get("V");
    }

    @Test
    void refReturnsParametersPseudoParametersAndPhysicalIds() {
        assertThat(eval("!Ref Env")).isEqualTo("prod");
        assertThat(eval("!Ref Ports")).isEqualTo(List.of("80", "443"));
        assertThat(eval("!Ref AWS::Region")).isEqualTo("eu-west-1");
        assertThat(eval("!Ref AWS::StackName")).isEqualTo("demo");
        assertThat(eval("!Ref AWS::AccountId")).isEqualTo("000000000000");
        assertThat(eval("!Ref AWS::Partition")).isEqualTo("aws");
        assertThat(eval("!Ref AWS::URLSuffix")).isEqualTo("amazonaws.com");
        assertThat(eval("!Ref Vpc")).isEqualTo("vpc-0123");
    }

    @Test
    void getAttAcceptsDottedAndListForms() {
        assertThat(eval("!GetAtt Vpc.CidrBlock")).isEqualTo("10.0.0.0/16");
        assertThat(eval("!GetAtt [Vpc, DefaultSecurityGroup]")).isEqualTo("Vpc.DefaultSecurityGroup");
        assertThat(eval("{'Fn::GetAtt': [Vpc, CidrBlock]}")).isEqualTo("10.0.0.0/16");
    }

    @Test
    void subHandlesBothFormsAttributesAndEscapedLiterals() {
        assertThat(eval("!Sub '${AWS::Region}-${Env}-${Vpc}-${Vpc.CidrBlock}-${!Literal}'"))
                .isEqualTo("eu-west-1-prod-vpc-0123-10.0.0.0/16-${Literal}");
        assertThat(eval("!Sub ['${A}/${Env}', {A: !Ref Vpc}]")).isEqualTo("vpc-0123/prod");
    }

    @Test
    void listFunctionsJoinSelectSplitGetAzsAndCidr() {
        assertThat(eval("!Join [':', [a, !Ref Env, c]]")).isEqualTo("a:prod:c");
        assertThat(eval("!Select [1, !Split [',', 'x,y,z']]")).isEqualTo("y");
        assertThat(eval("!Select [0, !GetAZs '']")).isEqualTo("eu-west-1a");
        assertThat(eval("!GetAZs us-east-1")).asList().contains("us-east-1a", "us-east-1b");
        assertThat(eval("!Cidr [10.0.0.0/16, 3, 8]")).isEqualTo(List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"));
        assertThat(eval("!Cidr [!GetAtt Vpc.CidrBlock, 2, 12]")).isEqualTo(List.of("10.0.0.0/20", "10.0.16.0/20"));
    }

    @Test
    void conditionsIfAndNoValue() {
        assertThat(ctx.condition("IsProd")).isTrue();
        assertThat(ctx.condition("NotProd")).isFalse();
        assertThat(ctx.condition("Both")).isTrue();
        assertThat(ctx.condition("Either")).isFalse();
        assertThat(eval("!If [IsProd, big, small]")).isEqualTo("big");
        assertThat(eval("[a, !If [NotProd, b, !Ref AWS::NoValue], c]")).isEqualTo(List.of("a", "c"));
        assertThat(eval("{Keep: 1, Drop: !If [NotProd, x, !Ref AWS::NoValue]}")).isEqualTo(Map.of("Keep", 1));
    }

    @Test
    void findInMapImportValueAndBase64() {
        assertThat(eval("!FindInMap [Sizes, !Ref Env, Count]")).isEqualTo("3");
        assertThat(eval("!ImportValue shared")).isEqualTo("vpc-1");
        assertThat(eval("!Base64 hello")).isEqualTo("aGVsbG8=");
        assertThat(ctx.imported()).isEqualTo(Set.of("shared"));
    }

    @Test
    void errorsNameTheTemplateLocation() {
        assertThatThrownBy(() -> eval("!Select [5, [a, b]]"))
                .hasMessageContaining("Resources.X.Properties.V.Fn::Select")
                .hasMessageContaining("index 5");
        assertThatThrownBy(() -> eval("!Ref Nope"))
                .hasMessageContaining("Unresolved resource dependencies [Nope]")
                .hasMessageContaining("Resources.X.Properties.V.Ref");
        assertThatThrownBy(() -> eval("!FindInMap [Sizes, test, Count]"))
                .hasMessageContaining("Unable to get mapping for Sizes::test::Count");
        assertThatThrownBy(() -> eval("!ImportValue missing")).hasMessageContaining("No export named missing found");
    }

    @Test
    void unknownValuesPropagateThroughFunctions() {
        StackContext planning = new StackContext(template, ctx.parameters(), "us-east-1", "0", "s", "id", n -> null)
                .withValues(new StackContext.Values() {
                    @Override
                    public Object ref(String id) {
                        return Unknown.VALUE;
                    }

                    @Override
                    public Object getAtt(String id, String attribute) {
                        return Unknown.VALUE;
                    }
                });
        Template t = new TemplateParser().parse("Resources:\n  X:\n    Type: T\n    Properties:\n"
                + "      A: !Join ['', [x, !Ref Vpc]]\n      B: !Sub '${Vpc.Arn}/x'\n      C: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]\n");
        Map<?, ?> props = (Map<?, ?>) planning.intrinsics().resolve(t.resources().get("X").properties(), "X");
        assertThat(props.values()).allMatch(v -> v == Unknown.VALUE);
    }
}
