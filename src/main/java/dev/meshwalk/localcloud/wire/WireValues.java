package dev.meshwalk.localcloud.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How scalar values of a service's output tree are written as text and as epoch numbers. */
final class WireValues {

    /** ISO 8601 UTC with milliseconds, as AWS writes timestamps in XML: {@code 2024-01-02T03:04:05.678Z}. */
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireValues() {
    }

    /** Text form: timestamps ISO with millis, numbers as plain decimals (never {@code 1.0E10}). */
    static String text(Object value) {
        if (value instanceof Instant i) {
            return ISO_MILLIS.format(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return plain(BigDecimal.valueOf(d));
        }
        if (value instanceof BigDecimal b) {
            return plain(b);
        }
        return String.valueOf(value);
    }

    /** Epoch seconds as JSON and CBOR carry them: a whole number when possible, else with milliseconds. */
    static Number epochSeconds(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis % 1000 == 0) {
            return millis / 1000;
        }
        return millis / 1000.0;
    }

    /** True for numbers that are integral by type (not doubles that happen to be whole). */
    static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static String plain(BigDecimal b) {
        BigDecimal stripped = b.stripTrailingZeros();
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        return stripped.toPlainString();
    }
}
