package dev.meshwalk.localcloud.breakit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ECS service break it stops: the stack's {@code ColorService}, whatever CloudFormation's random suffix says. */
class BreakItTest {

    private static final String PREFIX = "arn:aws:ecs:us-east-1:000000000000:service/howto-ecs-basics/";

    @Test
    void picksTheColorServiceEvenWhenItsRandomSuffixSpellsV2() {
        List<String> arns = List.of(PREFIX + "bench-FrontService-Q8ZK2M4N7P1RT", PREFIX + "bench-ColorV2Service-ABCDE12345XYZ",
                PREFIX + "bench-ColorService-AB3V2XYZ9K0LM");

        assertThat(BreakIt.colorServiceName(arns)).contains("bench-ColorService-AB3V2XYZ9K0LM");
    }

    @Test
    void picksTheColorServiceTheTemplateNamed() {
        List<String> arns = List.of(PREFIX + "bench-FrontService-Q8ZK2M4N7P1RT", PREFIX + "howto-ecs-basics-color");

        assertThat(BreakIt.colorServiceName(arns)).contains("howto-ecs-basics-color");
    }

    @Test
    void findsNoneWithoutAColorService() {
        assertThat(BreakIt.colorServiceName(List.of(PREFIX + "bench-FrontService-COLORV3X9K0LM"))).isEmpty();
    }
}
