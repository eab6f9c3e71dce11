package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A CloudWatch metric's identity: namespace, name and the full set of dimensions. Two data points
 * belong to the same metric only when all three are equal (dimension order does not matter).
 */
public record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

    public MetricKey {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static MetricKey of(String namespace, String name, Map<String, String> dimensions) {
        return new MetricKey(namespace, name, new TreeMap<>(dimensions));
    }

    /** The {@code Metric} member tree: {@code {Namespace, MetricName, Dimensions[{Name, Value}]}}. */
    public Map<String, Object> toTree() {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("Namespace", namespace);
        metric.put("MetricName", name);
        List<Object> dims = new ArrayList<>();
        dimensions.forEach((k, v) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("Name", k);
            d.put("Value", v);
            dims.add(d);
        });
        metric.put("Dimensions", dims);
        return metric;
    }

    /** Text for ordering and labels: {@code namespace name k=v,...}. */
    String sortKey() {
        return namespace + '\u0000' + name + '\u0000' + dimensions;
    }
}
