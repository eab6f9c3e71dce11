package dev.meshwalk.localcloud.dataplane.telemetry;

import java.util.Map;

/**
 * One statsd / DogStatsD sample: {@code name:value|type|@rate|#tag:value,...}.
 *
 * @param type       {@code c} counter, {@code g} gauge, {@code ms} timer, {@code h} histogram, {@code d} distribution
 * @param gaugeDelta true for gauges written as {@code +n} / {@code -n} (change, not new value)
 * @param sampleRate the {@code @rate} (1 when absent); counters are scaled up by 1/rate
 * @param tags       DogStatsD tags, which become CloudWatch dimensions
 */
record StatsdSample(String name, double value, String type, boolean gaugeDelta, double sampleRate,
                    Map<String, String> tags) {
}
