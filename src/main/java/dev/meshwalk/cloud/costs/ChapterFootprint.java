package dev.meshwalk.cloud.costs;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What one chapter's stack keeps running by the hour on AWS: the parts of the bill that tick while the learner
 * reads, which is what the cost notice must name before anything is created.
 *
 * @param natGateways  NAT gateways (one per AZ in the seed's layout)
 * @param loadBalancers Application Load Balancers (internal and internet-facing)
 * @param tasks        Fargate tasks over all ECS services
 * @param vcpuPerTask  vCPU of each task
 * @param gbPerTask    memory of each task in GB
 * @param publicIpv4   public IPv4 addresses (NAT Elastic IPs and the internet-facing ALB's nodes)
 */
public record ChapterFootprint(int natGateways, int loadBalancers, int tasks, BigDecimal vcpuPerTask,
        BigDecimal gbPerTask, int publicIpv4) {

    /** Parses {@code nat=2,alb=1,tasks=6,vcpu=0.25,gb=1,public-ipv4=4}; every key is required. */
    static ChapterFootprint parse(String chapterId, String spec) {
        Map<String, String> values = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalStateException("cost table: chapter " + chapterId + " has a malformed entry '" + part + "'");
            }
            values.put(kv[0].trim(), kv[1].trim());
        }
        try {
            return new ChapterFootprint(Integer.parseInt(required(values, "nat", chapterId)),
                    Integer.parseInt(required(values, "alb", chapterId)),
                    Integer.parseInt(required(values, "tasks", chapterId)),
                    new BigDecimal(required(values, "vcpu", chapterId)),
                    new BigDecimal(required(values, "gb", chapterId)),
                    Integer.parseInt(required(values, "public-ipv4", chapterId)));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cost table: chapter " + chapterId + " has a value that is not a number: " + spec, e);
        }
    }

    private static String required(Map<String, String> values, String key, String chapterId) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("cost table: chapter " + chapterId + " lacks '" + key + "'");
        }
        return v;
    }
}
