package dev.meshwalk.content;

import java.text.Normalizer;

/**
 * Replaces non-ASCII characters with readable ASCII for terminals that cannot show them: typographic dashes and
 * quotes become their plain forms, accents are dropped, arrows become {@code ->}; anything else becomes '?'.
 * Without this a non-UTF-8 terminal would show mojibake.
 */
public final class AsciiFold {

    private AsciiFold() {
    }

    public static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 128) {
                out.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                out.append(replacement(c));
            }
        }
        return out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '\u2014': return "--";
            case '\u2013': case '\u2012': case '\u2212': return "-";
            case '\u2018': case '\u2019': case '\u201A': return "'";
            case '\u201C': case '\u201D': case '\u201E': return "\"";
            case '\u2026': return "...";
            case '\u2192': return "->";
            case '\u2190': return "<-";
            case '\u2194': return "<->";
            case '\u00D7': return "x";
            case '\u2022': case '\u00B7': return "*";
            case '\u00A0': case '\u2009': case '\u202F': return " ";
            case '\u2713': case '\u2714': return "v";
            case '\u00B0': return " deg";
            case '\u00A9': return "(c)";
            default: return "?";
        }
    }
}
