package dev.meshwalk.localcloud.service.logs;

import dev.meshwalk.localcloud.service.AwsError;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs' filter patterns for unstructured lines: terms that must all appear ({@code ERROR timeout}),
 * quoted phrases ({@code "answering green"}), {@code ?term} of which at least one must appear, and {@code -term} that
 * must not. Matching is case-sensitive, as on AWS. An empty pattern matches everything; JSON and space-delimited
 * patterns ({@code { ... }}, {@code [ ... ]}) are refused with {@code InvalidParameterException}.
 */
final class FilterPattern {

    private final List<String> required = new ArrayList<>();
    private final List<String> anyOf = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private FilterPattern() {
    }

    static FilterPattern parse(String pattern) {
        FilterPattern parsed = new FilterPattern();
        String text = pattern == null ? "" : pattern.trim();
        if (text.startsWith("{") || text.startsWith("[")) {
            throw new AwsError("InvalidParameterException", "InvalidParameterException", 400,
                    "JSON and space-delimited filter patterns are not supported by this local cloud; use terms,"
                            + " \"quoted phrases\", ?optional and -excluded terms");
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = parsed.required;
            if ((c == '?' || c == '-') && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                into = c == '?' ? parsed.anyOf : parsed.excluded;
                i++;
            }
            String term;
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new AwsError("InvalidParameterException", "InvalidParameterException", 400,
                            "Invalid filter pattern: the quoted phrase starting at " + i + " is not closed");
                }
                term = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = text.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                into.add(term);
            }
        }
        return parsed;
    }

    boolean matches(String message) {
        return required.stream().allMatch(message::contains)
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains))
                && excluded.stream().noneMatch(message::contains);
    }
}
