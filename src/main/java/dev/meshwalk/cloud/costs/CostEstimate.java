package dev.meshwalk.cloud.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An hourly estimate for one chapter in one region, itemised so the learner sees where the money goes.
 *
 * @param chapterId      the chapter
 * @param region         the region asked for
 * @param pricesFrom     the region whose prices were used (the fallback when {@code region} is not in the table)
 * @param items          one line per billable part
 * @param hourlyUsd      the sum of the items
 * @param natGbUsd       per GB the NAT gateways process (usage, not in the hourly sum; zero without NAT gateways)
 * @param asOf           the date of the price table
 * @param source         where the prices come from
 */
public record CostEstimate(String chapterId, String region, String pricesFrom, List<Item> items, BigDecimal hourlyUsd,
        BigDecimal natGbUsd, String asOf, String source) {

    /** One billable part: what it is, how many, and its hourly cost in total. */
    public record Item(String what, BigDecimal hourlyUsd) {
    }

    public CostEstimate {
        items = List.copyOf(items);
    }

    /** Whether the region was missing from the table and another region's prices stand in. */
    public boolean usesFallbackPrices() {
        return !region.equals(pricesFrom);
    }

    /** Cost of a day at this rate, for the "left running overnight" sentence. */
    public BigDecimal dailyUsd() {
        return hourlyUsd.multiply(BigDecimal.valueOf(24));
    }

    /** The notice as lines for the terminal. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Cost notice: chapter " + chapterId + " runs billable resources in your AWS account (" + region + "):");
        for (Item i : items) {
            lines.add(String.format("  - %-58s $%s/h", i.what(), money(i.hourlyUsd(), 4)));
        }
        lines.add(String.format("  = about $%s per hour (about $%s per day), plus usage: data processing and logs.",
                money(hourlyUsd, 2), money(dailyUsd(), 2)));
        if (natGbUsd.signum() > 0) {
            lines.add("  NAT data processing: $" + money(natGbUsd, 3) + " per GB through the NAT gateways (public images"
                    + " such as the CloudWatch agent, telemetry to CloudWatch and X-Ray). Your ECR images' layers come from S3"
                    + " through the stack's S3 gateway endpoint, which is free and bypasses NAT.");
        }
        if (usesFallbackPrices()) {
            lines.add("  The price table has no entry for " + region + "; the estimate uses " + pricesFrom
                    + " prices, and your region may cost more.");
        }
        lines.add("  Prices: " + source + ", as of " + asOf + ".");
        lines.add("  The charges stop when you run `teardown --aws` (it deletes the stack and shows what is left).");
        return lines;
    }

    static String money(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
