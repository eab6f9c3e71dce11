package dev.meshwalk.localcloud.service.cloudmap;

import dev.meshwalk.localcloud.service.Params;
import java.util.List;

/** Cloud Map's list filters: {@code Values} with {@code Condition} {@code EQ} (default), {@code IN} or {@code BEGINS_WITH}. */
final class Filters {

    private Filters() {
    }

    static boolean matches(Params filter, String value) {
        List<String> values = filter.strings("Values");
        if (values.isEmpty()) {
            throw CloudMapErrors.invalidInput("A filter needs at least one value");
        }
        String condition = filter.string("Condition").orElse("EQ");
        return switch (condition) {
            case "EQ" -> {
                if (values.size() != 1) {
                    throw CloudMapErrors.invalidInput("Condition EQ takes exactly one value");
                }
                yield values.get(0).equalsIgnoreCase(value);
            }
            case "IN" -> values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
            case "BEGINS_WITH" -> values.stream().anyMatch(v -> value.toLowerCase().startsWith(v.toLowerCase()));
            default -> throw CloudMapErrors.invalidInput("Condition must be EQ, IN or BEGINS_WITH, not " + condition);
        };
    }
}
