package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Lays out Markdown blocks as lines: headings (underlined at levels 1 and 2), wrapped paragraphs, lists
 * with hanging indents, quotes, code blocks (never wrapped at words, long lines continued under a gutter
 * mark), rules and tables ({@link TableLayout}). Nesting is carried by {@link Indent}; inline content comes
 * from {@link InlineSpans}. One instance per document.
 */
final class BlockLayout {

    final RenderOptions options;
    final Glyphs g;
    final InlineSpans inlines;
    private final List<StyledLine> out = new ArrayList<>();

    BlockLayout(RenderOptions options) {
        this.options = options;
        this.g = options.glyphs();
        this.inlines = new InlineSpans(options.linkMode());
    }

    /** The lines written so far. */
    List<StyledLine> lines() {
        return List.copyOf(out);
    }

    /** Lays out the children of a node one below the other, a blank line between them unless tight. */
    void blocks(Node parent, Indent indent, boolean tight) {
        boolean firstBlock = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition) {
                continue;
            }
            if (!firstBlock && !tight) {
                emit(indent.next(), List.of());
            }
            block(child, indent);
            firstBlock = false;
        }
    }

    void block(Node node, Indent indent) {
        int avail = options.width() - indent.width();
        if (node instanceof Heading h) {
            heading(h, indent, avail);
        } else if (node instanceof Paragraph p) {
            paragraph(inlines.of(p, Set.of()), indent, avail);
        } else if (node instanceof BulletList list) {
            list(list, indent);
        } else if (node instanceof OrderedList list) {
            list(list, indent);
        } else if (node instanceof FencedCodeBlock code) {
            code(code.getLiteral(), indent, avail);
        } else if (node instanceof IndentedCodeBlock code) {
            code(code.getLiteral(), indent, avail);
        } else if (node instanceof BlockQuote) {
            Span bar = Span.of(g.quoteBar(), Style.QUOTE, Style.DIM);
            blocks(node, indent.child(List.of(bar), List.of(bar)), false);
        } else if (node instanceof ThematicBreak) {
            emit(indent.next(), List.of(Span.of(g.repeat(g.horizontal(), avail), Style.DIM)));
        } else if (node instanceof HtmlBlock html) {
            for (String line : html.getLiteral().split("\n")) {
                paragraph(List.of(Span.of(line, Style.DIM)), indent, avail);
            }
        } else if (node instanceof TableBlock table) {
            new TableLayout(this, table).render(indent, avail);
        } else {
            paragraph(inlines.of(node, Set.of()), indent, avail);
        }
    }

    void heading(Heading h, Indent indent, int avail) {
        List<List<Span>> lines = Wrapper.wrap(inlines.of(h, EnumSet.of(Style.HEADING, Style.BOLD)), avail);
        int underline = 0;
        for (List<Span> line : lines) {
            emit(indent.next(), line);
            underline = Math.max(underline, Wrapper.widthOf(line));
        }
        if (h.getLevel() <= 2) {
            char c = h.getLevel() == 1 ? g.heavyHorizontal() : g.horizontal();
            emit(indent.next(), List.of(Span.of(g.repeat(c, underline), Style.HEADING)));
        }
    }

    void paragraph(List<Span> spans, Indent indent, int avail) {
        for (List<Span> line : Wrapper.wrap(spans, avail)) {
            emit(indent.next(), line);
        }
    }

    void list(ListBlock list, Indent indent) {
        int number = list instanceof OrderedList ol && ol.getMarkerStartNumber() != null
                ? ol.getMarkerStartNumber() : 1;
        int count = 0;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            count++;
        }
        int markerWidth = list instanceof OrderedList ? String.valueOf(number + count - 1).length() + 2 : 2;
        boolean nested = list.getParent() instanceof ListItem;
        boolean firstItem = true;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!firstItem && !list.isTight()) {
                emit(indent.next(), List.of());
            }
            String marker = list instanceof OrderedList
                    ? pad(number++ + ".", markerWidth)
                    : pad(nested ? g.subBullet() : g.bullet(), markerWidth);
            Indent itemIndent = indent.child(List.of(Span.of(marker, Style.BULLET)),
                    List.of(Span.plain(" ".repeat(markerWidth))));
            blocks(item, itemIndent, list.isTight());
            firstItem = false;
        }
    }

    void code(String literal, Indent indent, int avail) {
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        int room = Math.max(1, avail - g.codeGutter().length());
        for (String raw : body.split("\n", -1)) {
            String line = raw.replace("\t", "    ");
            boolean continuation = false;
            do {
                int cut = line.length() <= room ? line.length() : breakPoint(line, room);
                List<Span> spans = new ArrayList<>();
                spans.add(Span.of(continuation ? g.codeContinuation() : g.codeGutter(), Style.DIM));
                if (cut > 0) {
                    spans.add(Span.of(line.substring(0, cut), Style.CODE_BLOCK));
                }
                emit(indent.next(), spans);
                line = line.substring(cut);
                continuation = true;
            } while (!line.isEmpty());
        }
    }

    /** Where to break a long code line: after the last space in its right half, else at the edge. */
    static int breakPoint(String line, int room) {
        int space = line.lastIndexOf(' ', room - 1);
        return space >= room / 2 ? space + 1 : room;
    }

    /** The "Links" list after the document, for links shown as numbered footnotes. */
    void footnotes() {
        List<String> footnoteUrls = inlines.footnoteUrls();
        if (footnoteUrls.isEmpty()) {
            return;
        }
        emit(List.of(), List.of());
        emit(List.of(), List.of(Span.of("Links", Style.BOLD)));
        for (int i = 0; i < footnoteUrls.size(); i++) {
            String marker = "[" + (i + 1) + "] ";
            List<Span> url = List.of(Span.of(footnoteUrls.get(i), Style.LINK));
            List<List<Span>> lines = Wrapper.wrap(url, options.width() - marker.length());
            for (int l = 0; l < lines.size(); l++) {
                List<Span> line = new ArrayList<>();
                line.add(Span.of(l == 0 ? marker : " ".repeat(marker.length()), Style.DIM));
                line.addAll(lines.get(l));
                emit(List.of(), line);
            }
        }
    }

    /** Adds one line: prefix then content, trailing blanks trimmed so plain output has no ragged spaces. */
    void emit(List<Span> prefix, List<Span> content) {
        List<Span> all = new ArrayList<>(prefix);
        all.addAll(content);
        List<Span> merged = Wrapper.merge(all);
        while (!merged.isEmpty()) {
            Span last = merged.get(merged.size() - 1);
            String trimmed = last.text().stripTrailing();
            if (trimmed.equals(last.text())) {
                break;
            }
            merged.remove(merged.size() - 1);
            if (!trimmed.isEmpty()) {
                merged.add(new Span(trimmed, last.styles()));
                break;
            }
        }
        out.add(merged.isEmpty() ? StyledLine.EMPTY : new StyledLine(merged));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
