package dev.meshwalk.localcloud.dataplane.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses statsd datagrams with DogStatsD tags, the format Envoy's {@code DogStatsdSink} and the
 * CloudWatch agent's statsd listener use: one sample per line, {@code name:value|type[|@rate][|#k:v,...]}.
 * Unknown {@code |x...} sections (container ids, timestamps) are skipped. Tags without a value carry
 * no dimension value and are dropped.
 */
final class StatsdParser {

    private static final Set<String> TYPES = Set.of("c", "g", "ms", "h", "d");

    /** Result of one datagram: the samples read and how many lines were not statsd. */
    record Parsed(List<StatsdSample> samples, int rejectedLines, String lastProblem) {
    }

    Parsed parse(String datagram) {
        List<StatsdSample> samples = new ArrayList<>();
        int rejected = 0;
        String problem = null;
        for (String line : datagram.split("\n")) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                samples.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                rejected++;
                problem = e.getMessage();
            }
        }
        return new Parsed(samples, rejected, problem);
    }

    static StatsdSample parseLine(String line) {
        String[] sections = line.split("\\|");
        int colon = sections[0].lastIndexOf(':');
        if (sections.length < 2 || colon <= 0) {
            throw new IllegalArgumentException("not a statsd line (name:value|type): " + line);
        }
        String name = sections[0].substring(0, colon);
        String rawValue = sections[0].substring(colon + 1);
        String type = sections[1];
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported statsd type '" + type + "' in: " + line);
        }
        double value;
        try {
            value = Double.parseDouble(rawValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("statsd value is not a number in: " + line);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("statsd value is not finite in: " + line);
        }
        boolean delta = type.equals("g") && (rawValue.startsWith("+") || rawValue.startsWith("-"));
        double rate = 1;
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 2; i < sections.length; i++) {
            String s = sections[i];
            if (s.startsWith("@")) {
                try {
                    rate = Double.parseDouble(s.substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad sample rate in: " + line);
                }
                if (rate <= 0 || rate > 1) {
                    throw new IllegalArgumentException("sample rate must be in (0, 1] in: " + line);
                }
            } else if (s.startsWith("#")) {
                for (String tag : s.substring(1).split(",")) {
                    int c = tag.indexOf(':');
                    if (c > 0 && c < tag.length() - 1) {
                        tags.put(tag.substring(0, c), tag.substring(c + 1));
                    }
                }
            }
        }
        return new StatsdSample(name, value, type, delta, rate, tags);
    }
}
