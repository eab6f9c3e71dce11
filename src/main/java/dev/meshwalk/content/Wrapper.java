package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Greedy word wrap over styled spans. A word may cross style boundaries ("**bold**," stays together), spaces
 * inside inline code do not break (so {@code aws ecs list-tasks} stays on one line when it fits), and only a
 * word wider than the whole line is cut. A span containing {@code "\n"} forces a break (Markdown hard break).
 */
public final class Wrapper {

    private Wrapper() {
    }

    private sealed interface Token permits Word, Gap, Break {
    }

    private record Word(List<Span> parts, int width) implements Token {
    }

    private record Gap(Set<Style> styles) implements Token {
    }

    private record Break() implements Token {
    }

    /** Wraps the spans to lines no wider than {@code width} (at least 1). */
    public static List<List<Span>> wrap(List<Span> spans, int width) {
        int w = Math.max(1, width);
        List<List<Span>> lines = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int currentWidth = 0;
        Gap pendingGap = null;
        for (Token token : tokenize(spans)) {
            if (token instanceof Break) {
                lines.add(merge(current));
                current = new ArrayList<>();
                currentWidth = 0;
                pendingGap = null;
            } else if (token instanceof Gap gap) {
                pendingGap = gap;
            } else {
                Word word = (Word) token;
                int gapWidth = (pendingGap != null && currentWidth > 0) ? 1 : 0;
                if (currentWidth + gapWidth + word.width() <= w) {
                    if (gapWidth == 1) {
                        current.add(new Span(" ", pendingGap.styles()));
                    }
                    current.addAll(word.parts());
                    currentWidth += gapWidth + word.width();
                } else {
                    if (currentWidth > 0) {
                        lines.add(merge(current));
                        current = new ArrayList<>();
                        currentWidth = 0;
                    }
                    List<List<Span>> pieces = cut(word.parts(), w);
                    for (int i = 0; i < pieces.size() - 1; i++) {
                        lines.add(merge(pieces.get(i)));
                    }
                    current.addAll(pieces.get(pieces.size() - 1));
                    currentWidth = widthOf(current);
                }
                pendingGap = null;
            }
        }
        if (currentWidth > 0 || lines.isEmpty()) {
            lines.add(merge(current));
        }
        return lines;
    }

    private static List<Token> tokenize(List<Span> spans) {
        List<Token> tokens = new ArrayList<>();
        List<Span> word = new ArrayList<>();
        int[] wordWidth = {0};
        for (Span span : spans) {
            boolean code = span.has(Style.CODE);
            String text = span.text();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean breaks = c == '\n';
                boolean gap = !breaks && Character.isWhitespace(c) && !code;
                if (breaks || gap) {
                    if (chunk.length() > 0) {
                        word.add(new Span(chunk.toString(), span.styles()));
                        wordWidth[0] += chunk.length();
                        chunk.setLength(0);
                    }
                    if (!word.isEmpty()) {
                        tokens.add(new Word(List.copyOf(word), wordWidth[0]));
                        word.clear();
                        wordWidth[0] = 0;
                    }
                    tokens.add(breaks ? new Break() : new Gap(span.styles()));
                } else {
                    chunk.append(Character.isWhitespace(c) ? ' ' : c);
                }
            }
            if (chunk.length() > 0) {
                word.add(new Span(chunk.toString(), span.styles()));
                wordWidth[0] += chunk.length();
            }
        }
        if (!word.isEmpty()) {
            tokens.add(new Word(List.copyOf(word), wordWidth[0]));
        }
        return tokens;
    }

    /** Cuts one over-long word into pieces of at most {@code width} columns. */
    private static List<List<Span>> cut(List<Span> parts, int width) {
        List<List<Span>> pieces = new ArrayList<>();
        List<Span> piece = new ArrayList<>();
        int pieceWidth = 0;
        for (Span part : parts) {
            String rest = part.text();
            while (!rest.isEmpty()) {
                int take = Math.min(rest.length(), width - pieceWidth);
                piece.add(new Span(rest.substring(0, take), part.styles()));
                pieceWidth += take;
                rest = rest.substring(take);
                if (pieceWidth == width) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                    pieceWidth = 0;
                }
            }
        }
        if (!piece.isEmpty() || pieces.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    /** Joins neighbouring spans with equal styles so lines stay small and goldens stay readable. */
    static List<Span> merge(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).styles().equals(s.styles())) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.text() + s.text(), s.styles().isEmpty() ? EnumSet.noneOf(Style.class) : s.styles()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static int widthOf(List<Span> spans) {
        int w = 0;
        for (Span s : spans) {
            w += s.text().length();
        }
        return w;
    }
}
