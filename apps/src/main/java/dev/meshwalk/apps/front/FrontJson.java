package dev.meshwalk.apps.front;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes front's answer, {@code {"color":"<c>", "stats": {"<c>": <ratio>, ...}}}, in the seed's shape.
 * The document is two levels of strings and numbers, so a tiny escaping writer keeps the app's image free
 * of a JSON library; numbers print without trailing zeros (1, 0.5, 0.33) as the seed's did.
 */
final class FrontJson {
    private FrontJson() {
    }

    static String answer(String color, Map<String, BigDecimal> ratios) {
        StringJoiner stats = new StringJoiner(",", "{", "}");
        ratios.forEach((name, ratio) -> stats.add(quote(name) + ":" + number(ratio)));
        return "{\"color\":" + quote(color) + ", \"stats\": " + stats + "}";
    }

    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
