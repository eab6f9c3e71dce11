package dev.meshwalk.app;

import java.util.Locale;
import java.util.Map;

/** What the terminal can show, decided from the environment and flags (and nothing else, so it is testable). */
record TerminalCaps(boolean unicode, boolean color) {

    static TerminalCaps detect(Map<String, String> env, boolean forceAscii) {
        return new TerminalCaps(!forceAscii && utf8Locale(env), !noColor(env));
    }

    /**
     * Box drawing needs a UTF-8 locale: the first of LC_ALL, LC_CTYPE, LANG that is set decides (POSIX order).
     * No locale at all is the C locale, which is ASCII.
     */
    static boolean utf8Locale(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }

    /** https://no-color.org: NO_COLOR present and not empty turns colour off. */
    static boolean noColor(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
