package dev.meshwalk.localcloud.service.cloudwatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statistic name as GetMetricData and SEARCH take it: Sum, Average, Minimum, Maximum, SampleCount, pNN(.N). */
record Statistic(Kind kind, double percentile, String name) {

    enum Kind { SUM, AVERAGE, MINIMUM, MAXIMUM, SAMPLE_COUNT, PERCENTILE }

    private static final Pattern PERCENTILE = Pattern.compile("^[pP](\\d{1,2}(\\.\\d{1,2})?|100)$");

    /** Parses a statistic; null when the name is not one CloudWatch knows. */
    static Statistic parse(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "Sum": return new Statistic(Kind.SUM, 0, name);
            case "Average": return new Statistic(Kind.AVERAGE, 0, name);
            case "Minimum": return new Statistic(Kind.MINIMUM, 0, name);
            case "Maximum": return new Statistic(Kind.MAXIMUM, 0, name);
            case "SampleCount": return new Statistic(Kind.SAMPLE_COUNT, 0, name);
            default:
                Matcher m = PERCENTILE.matcher(name);
                if (m.matches()) {
                    return new Statistic(Kind.PERCENTILE, Double.parseDouble(m.group(1)), name.toLowerCase(Locale.ROOT));
                }
                return null;
        }
    }
}
