package dev.meshwalk.cloud.costs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import dev.meshwalk.facts.CostEstimate;
import java.util.TreeSet;

/**
 * The small, dated price table shipped in the jar ({@value #RESOURCE}) and the chapter footprints next to it.
 * A table rather than the Pricing API because the estimate must show before any call is made, offline, and
 * because the Pricing API answers only in two regions and in a shape that needs a page of filters per item.
 */
public final class PriceTable {

    /** The table in the jar; the file name carries the month its prices were taken. */
    public static final String RESOURCE = "/costs/aws-prices-2026-11.properties";

    private final Properties props;

    private PriceTable(Properties props) {
        this.props = props;
    }

    /** The table shipped with the tutorial. */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PriceTable(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public String asOf() {
        return props.getProperty("as-of", "unknown date");
    }

    public String source() {
        return props.getProperty("source", "unknown source");
    }

    public String fallbackRegion() {
        return props.getProperty("fallback-region", "us-east-1");
    }

    /** Regions with prices in the table. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("region.")) {
                regions.add(key.substring("region.".length(), key.lastIndexOf('.')));
            }
        }
        return regions;
    }

    /** Chapter ids with a footprint. */
    public Set<String> chapters() {
        Set<String> chapters = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("chapter.")) {
                chapters.add(key.substring("chapter.".length()));
            }
        }
        return chapters;
    }

    public Optional<ChapterFootprint> footprint(String chapterId) {
        return Optional.ofNullable(props.getProperty("chapter." + chapterId)).map(s -> ChapterFootprint.parse(chapterId, s));
    }

    public Optional<RegionPrices> prices(String region) {
        if (!regions().contains(region)) {
            return Optional.empty();
        }
        return Optional.of(new RegionPrices(region, price(region, "nat-hour"), price(region, "nat-gb"), price(region, "alb-hour"),
                price(region, "fargate-vcpu-hour"), price(region, "fargate-gb-hour"), price(region, "ipv4-hour")));
    }

    /** The estimate for a chapter in a region; a region not in the table is priced as {@link #fallbackRegion()}. */
    public CostEstimate estimate(String chapterId, String region) {
        ChapterFootprint f = footprint(chapterId).orElseThrow(() -> new IllegalArgumentException(
                "the cost table has no chapter '" + chapterId + "' (it knows " + chapters() + ")"));
        RegionPrices p = prices(region).or(() -> prices(fallbackRegion())).orElseThrow(() -> new IllegalStateException(
                "the cost table has no prices for the fallback region " + fallbackRegion()));
        List<CostEstimate.Item> items = new ArrayList<>();
        items.add(new CostEstimate.Item(f.natGateways() + " NAT gateways", p.natHour().multiply(BigDecimal.valueOf(f.natGateways()))));
        items.add(new CostEstimate.Item(f.loadBalancers() + (f.loadBalancers() == 1 ? " Application Load Balancer" : " Application Load Balancers"),
                p.albHour().multiply(BigDecimal.valueOf(f.loadBalancers()))));
        BigDecimal perTask = p.fargateVcpuHour().multiply(f.vcpuPerTask()).add(p.fargateGbHour().multiply(f.gbPerTask()));
        items.add(new CostEstimate.Item(f.tasks() + " Fargate tasks of " + f.vcpuPerTask().stripTrailingZeros().toPlainString()
                + " vCPU / " + f.gbPerTask().stripTrailingZeros().toPlainString() + " GB",
                perTask.multiply(BigDecimal.valueOf(f.tasks()))));
        items.add(new CostEstimate.Item(f.publicIpv4() + " public IPv4 addresses (NAT Elastic IPs, public ALB)",
                p.ipv4Hour().multiply(BigDecimal.valueOf(f.publicIpv4()))));
        BigDecimal total = items.stream().map(CostEstimate.Item::hourlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CostEstimate(chapterId, region, p.region(), items, total, f.natGateways() > 0 ? p.natGb() : BigDecimal.ZERO,
                asOf(), source());
    }

    private BigDecimal price(String region, String item) {
        String v = props.getProperty("region." + region + "." + item);
        if (v == null) {
            throw new IllegalStateException("cost table: region " + region + " lacks " + item);
        }
        return new BigDecimal(v.trim());
    }
}
