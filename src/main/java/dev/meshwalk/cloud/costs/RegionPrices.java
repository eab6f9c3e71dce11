package dev.meshwalk.cloud.costs;

import java.math.BigDecimal;

/**
 * USD prices of the billable parts in one region (on-demand, Linux/x86 Fargate): hourly, except {@code natGb}, per GB
 * a NAT gateway processes.
 */
public record RegionPrices(String region, BigDecimal natHour, BigDecimal natGb, BigDecimal albHour,
        BigDecimal fargateVcpuHour, BigDecimal fargateGbHour, BigDecimal ipv4Hour) {
}
