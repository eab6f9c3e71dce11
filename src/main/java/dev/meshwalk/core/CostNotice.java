package dev.meshwalk.core;

import java.util.ArrayList;
import java.util.List;

import dev.meshwalk.facts.CostEstimate;
import dev.meshwalk.facts.CostEstimate.Item;

/** The cost notice before the first deploy on an account: the estimate's items, sums and caveats, in words. */
public final class CostNotice {

    private CostNotice() {
    }

    public static List<String> lines(CostEstimate e) {
        List<String> lines = new ArrayList<>();
        lines.add("Cost notice: chapter " + e.chapterId() + " runs billable resources in your AWS account (" + e.region() + "):");
        for (Item i : e.items()) {
            lines.add(String.format("  - %-58s $%s/h", i.what(), CostEstimate.money(i.hourlyUsd(), 4)));
        }
        lines.add(String.format("  = about $%s per hour (about $%s per day), plus usage: data processing and logs.",
                CostEstimate.money(e.hourlyUsd(), 2), CostEstimate.money(e.dailyUsd(), 2)));
        if (e.natGbUsd().signum() > 0) {
            lines.add("  NAT data processing: $" + CostEstimate.money(e.natGbUsd(), 3) + " per GB through the NAT gateways"
                    + " (public images such as the CloudWatch agent, telemetry to CloudWatch and X-Ray). Your ECR images'"
                    + " layers come from S3 through the stack's S3 gateway endpoint, which is free and bypasses NAT.");
        }
        if (e.usesFallbackPrices()) {
            lines.add("  The price table has no entry for " + e.region() + "; the estimate uses " + e.pricesFrom()
                    + " prices, and your region may cost more.");
        }
        lines.add("  Prices: " + e.source() + ", as of " + e.asOf() + ".");
        lines.add("  The charges stop when you run `teardown --aws` (it deletes the stack and shows what is left).");
        return lines;
    }
}
