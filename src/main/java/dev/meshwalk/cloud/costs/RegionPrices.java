package dev.meshwalk.cloud.costs;

import java.math.BigDecimal;

/** Hourly USD prices of the billable parts in one region (on-demand, Linux/x86 Fargate). */
public record RegionPrices(String region, BigDecimal natHour, BigDecimal albHour, BigDecimal fargateVcpuHour,
        BigDecimal fargateGbHour, BigDecimal ipv4Hour) {
}
