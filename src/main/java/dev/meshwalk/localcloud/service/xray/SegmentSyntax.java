package dev.meshwalk.localcloud.service.xray;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The lexical rules of the segment document schema: trace ids, entity ids, names and the document size.
 * Each check answers exactly what its regular expression (kept here as the definition) answers, but the
 * common shapes are checked character by character: every stored document passes these checks, and at
 * intake rates the regex matchers and the UTF-8 copy for the size were a visible share of the cost.
 */
final class SegmentSyntax {

    /** {@code 1-<8 hex>-<24 hex>}, lowercase. */
    private static final Pattern TRACE_ID = Pattern.compile("^1-[0-9a-f]{8}-[0-9a-f]{24}$");
    /** 16 lowercase hex digits. */
    private static final Pattern ENTITY_ID = Pattern.compile("^[0-9a-f]{16}$");
    /** X-Ray's name rule; names outside ASCII are checked with this pattern. */
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}\\p{Zs}_.:/%&#=+\\\\\\-@]{1,200}$");
    /** The ASCII punctuation {@link #NAME} allows. */
    private static final String NAME_PUNCTUATION = "_.:/%&#=+\\-@";

    private SegmentSyntax() {
    }

    static boolean isTraceId(String s) {
        if (s.length() != 35 || s.charAt(0) != '1' || s.charAt(1) != '-' || s.charAt(10) != '-') {
            return false;
        }
        return isLowerHex(s, 2, 10) && isLowerHex(s, 11, 35);
    }

    static boolean isEntityId(String s) {
        return s.length() == 16 && isLowerHex(s, 0, 16);
    }

    static boolean isName(String s) {
        int n = s.length();
        if (n >= 1 && n <= 200) {
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                char c = s.charAt(i);
                ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '
                        || NAME_PUNCTUATION.indexOf(c) >= 0;
            }
            if (ascii) {
                return true;
            }
        }
        // Other letters, digits and spaces, and lengths counted in code points: the pattern decides.
        return NAME.matcher(s).matches();
    }

    /** The document's UTF-8 length is above {@code limit}; no copy when the text is short enough to be sure. */
    static boolean utf8LongerThan(String document, int limit) {
        // One UTF-16 char never takes more than 3 bytes in UTF-8 (a surrogate pair's 4 bytes span 2 chars).
        if ((long) document.length() * 3 <= limit) {
            return false;
        }
        return document.getBytes(StandardCharsets.UTF_8).length > limit;
    }

    private static boolean isLowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The patterns the checks stand for, for the tests that hold them to it. */
    static Pattern traceIdPattern() {
        return TRACE_ID;
    }

    static Pattern entityIdPattern() {
        return ENTITY_ID;
    }

    static Pattern namePattern() {
        return NAME;
    }
}
