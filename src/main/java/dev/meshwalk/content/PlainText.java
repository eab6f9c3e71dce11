package dev.meshwalk.content;

import java.util.List;

/** Styled lines as plain text, one line per line: what line mode prints and what golden files hold. */
public final class PlainText {

    private PlainText() {
    }

    public static String of(List<StyledLine> lines) {
        StringBuilder sb = new StringBuilder();
        for (StyledLine line : lines) {
            sb.append(line.text()).append('\n');
        }
        return sb.toString();
    }
}
