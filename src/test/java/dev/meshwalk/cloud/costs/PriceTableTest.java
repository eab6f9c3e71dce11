package dev.meshwalk.cloud.costs;

import dev.meshwalk.core.CostNotice;
import dev.meshwalk.facts.CostEstimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shipped price table: dated and sourced, every chapter priced, sums right, unknown regions said plainly. */
class PriceTableTest {

    private final PriceTable table = PriceTable.bundled();

    @Test
    void tableIsDatedAndNamesItsSource() {
        assertThat(table.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(table.source()).contains("AWS public pricing");
        assertThat(table.regions()).contains("us-east-1", "us-west-2", "eu-west-1", table.fallbackRegion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-prelude", "1-servicediscovery", "2-meshify", "3-routing", "4-serviceconnect", "5-canary"})
    void everyChapterHasAFootprintAndAPositiveEstimate(String chapter) {
        CostEstimate e = table.estimate(chapter, "eu-west-1");
        assertThat(e.hourlyUsd()).isPositive();
        assertThat(e.items()).hasSize(4);
        assertThat(e.usesFallbackPrices()).isFalse();
    }

    @Test
    void chapterZeroInUsEast1SumsItsItems() {
        // 2 NAT x 0.045 + 2 ALB x 0.0225 + 6 tasks x (0.25 x 0.04048 + 1 x 0.004445) + 4 IPv4 x 0.005
        BigDecimal expected = new BigDecimal("0.09").add(new BigDecimal("0.045"))
                .add(new BigDecimal("6").multiply(new BigDecimal("0.01012").add(new BigDecimal("0.004445"))))
                .add(new BigDecimal("0.02"));
        CostEstimate e = table.estimate("0-prelude", "us-east-1");
        assertThat(e.hourlyUsd()).isEqualByComparingTo(expected);
        assertThat(e.items().stream().map(CostEstimate.Item::hourlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(e.hourlyUsd());
        assertThat(e.dailyUsd()).isEqualByComparingTo(expected.multiply(BigDecimal.valueOf(24)));
    }

    @Test
    void chapterThreeCostsMoreThanChapterOneForItsExtraTasks() {
        assertThat(table.estimate("3-routing", "us-west-2").hourlyUsd())
                .isGreaterThan(table.estimate("1-servicediscovery", "us-west-2").hourlyUsd());
    }

    @Test
    void unknownRegionIsPricedAsUsEast1AndTheNoticeSaysSo() {
        CostEstimate e = table.estimate("1-servicediscovery", "sa-east-1");
        assertThat(e.usesFallbackPrices()).isTrue();
        assertThat(e.pricesFrom()).isEqualTo("us-east-1");
        assertThat(e.hourlyUsd()).isEqualByComparingTo(table.estimate("1-servicediscovery", "us-east-1").hourlyUsd());
        assertThat(String.join("\n", CostNotice.lines(e))).contains("no entry for sa-east-1").contains("uses us-east-1 prices");
    }

    @Test
    void noticeNamesEachBillablePartTheDateAndTeardown() {
        String text = String.join("\n", CostNotice.lines(table.estimate("0-prelude", "eu-west-1")));
        assertThat(text).contains("2 NAT gateways").contains("2 Application Load Balancers")
                .contains("6 Fargate tasks of 0.25 vCPU / 1 GB").contains("4 public IPv4 addresses")
                .contains("per hour").contains(table.asOf()).contains("teardown");
    }

    /** NAT's per-GB charge is usage, not in the hourly sum, but named with its price and what keeps pulls off it. */
    @Test
    void noticeNamesNatDataProcessingPerGbAndTheFreeS3Endpoint() {
        CostEstimate e = table.estimate("0-prelude", "eu-west-1");
        assertThat(e.natGbUsd()).isEqualByComparingTo("0.048");
        assertThat(String.join("\n", CostNotice.lines(e))).contains("NAT data processing: $0.048 per GB")
                .contains("S3 gateway endpoint");
        assertThat(table.estimate("0-prelude", "us-east-1").natGbUsd()).isEqualByComparingTo("0.045");
        for (String region : table.regions()) {
            assertThat(table.prices(region).orElseThrow().natGb()).as(region).isPositive();
        }
    }

    @Test
    void unknownChapterIsAClearError() {
        assertThatThrownBy(() -> table.estimate("9-nope", "us-east-1")).hasMessageContaining("no chapter '9-nope'");
    }

    /** The footprints must match what the templates actually create. */
    @ParameterizedTest
    @ValueSource(strings = {"0-prelude", "1-servicediscovery", "2-meshify", "3-routing", "4-serviceconnect", "5-canary"})
    void footprintMatchesTheChapterTemplate(String chapter) throws IOException {
        String template = Files.readString(Path.of("stacks", chapter + ".yaml"));
        ChapterFootprint f = table.footprint(chapter).orElseThrow();
        assertThat(f.natGateways()).isEqualTo(count(template, "Type: AWS::EC2::NatGateway"));
        assertThat(f.loadBalancers()).isEqualTo(count(template, "Type: AWS::ElasticLoadBalancingV2::LoadBalancer"));
        int services = count(template, "Type: AWS::ECS::Service");
        Matcher perService = Pattern.compile("TasksPerService:\\s+Type: Number\\s+Default: (\\d+)").matcher(template);
        assertThat(perService.find()).isTrue();
        assertThat(f.tasks()).isEqualTo(services * Integer.parseInt(perService.group(1)));
        assertThat(count(template, "Cpu: '256'")).isEqualTo(services);
        assertThat(f.vcpuPerTask()).isEqualByComparingTo("0.25");
        assertThat(count(template, "Memory: '1024'")).isEqualTo(services);
        assertThat(f.gbPerTask()).isEqualByComparingTo("1");
        int eips = count(template, "Type: AWS::EC2::EIP");
        int publicAlbs = count(template, "Scheme: internet-facing");
        assertThat(f.publicIpv4()).isEqualTo(eips + 2 * publicAlbs);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
