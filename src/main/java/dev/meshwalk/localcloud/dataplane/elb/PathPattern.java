package dev.meshwalk.localcloud.dataplane.elb;

import java.util.regex.Pattern;

/** An ELBv2 path-pattern condition value: case-sensitive, {@code *} matches any characters, {@code ?} one. */
final class PathPattern {

    private final Pattern regex;

    PathPattern(String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.regex = Pattern.compile(out.toString());
    }

    boolean matches(String path) {
        return regex.matcher(path).matches();
    }
}
