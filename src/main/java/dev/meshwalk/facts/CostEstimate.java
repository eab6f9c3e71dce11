package dev.meshwalk.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An hourly estimate for one chapter in one region, itemised so the learner sees where the money goes (worded by
 * the core's {@code CostNotice}).
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

    /** A dollar amount rounded half up to {@code scale} places, as the notice prints it. */
    public static String money(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
