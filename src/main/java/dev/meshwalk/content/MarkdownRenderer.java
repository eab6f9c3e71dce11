package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Turns CommonMark (with GFM tables) into styled lines for a given width. Pure and terminal-free: the TUI
 * paints the lines with attributes, line mode prints their text, goldens compare their text.
 *
 * <p>Thread-safe: the parser is immutable and every call keeps its own state.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownRenderer() {
    }

    public static List<StyledLine> render(String markdown, RenderOptions options) {
        Node document = PARSER.parse(options.glyphs().unicode() ? markdown : AsciiFold.fold(markdown));
        Run run = new Run(options);
        run.blocks(document, Indent.root(), false);
        run.footnotes();
        return List.copyOf(run.out);
    }

    /**
     * The prefix in front of each line of a nested block (list markers, quote bars). The first line of a
     * list item gets the marker, the rest get the same width of blanks: the hanging indent.
     */
    static final class Indent {
        private final Indent parent;
        private final List<Span> first;
        private final List<Span> rest;
        private boolean used;

        private Indent(Indent parent, List<Span> first, List<Span> rest) {
            this.parent = parent;
            this.first = first;
            this.rest = rest;
        }

        static Indent root() {
            return new Indent(null, List.of(), List.of());
        }

        Indent child(List<Span> first, List<Span> rest) {
            return new Indent(this, first, rest);
        }

        List<Span> next() {
            List<Span> out = new ArrayList<>(parent == null ? List.of() : parent.next());
            out.addAll(used ? rest : first);
            used = true;
            return out;
        }

        int width() {
            return (parent == null ? 0 : parent.width()) + Wrapper.widthOf(first);
        }
    }

    private static final class Run {
        final RenderOptions options;
        final Glyphs g;
        final List<StyledLine> out = new ArrayList<>();
        final List<String> footnoteUrls = new ArrayList<>();

        Run(RenderOptions options) {
            this.options = options;
            this.g = options.glyphs();
        }

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
                paragraph(inlines(p, Set.of()), indent, avail);
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
                paragraph(inlines(node, Set.of()), indent, avail);
            }
        }

        void heading(Heading h, Indent indent, int avail) {
            List<List<Span>> lines = Wrapper.wrap(inlines(h, EnumSet.of(Style.HEADING, Style.BOLD)), avail);
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

        List<Span> inlines(Node parent, Set<Style> inherited) {
            List<Span> spans = new ArrayList<>();
            collect(parent, inherited, spans);
            return spans;
        }

        void collect(Node parent, Set<Style> styles, List<Span> into) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Text t) {
                    into.add(new Span(t.getLiteral(), styles));
                } else if (n instanceof Code c) {
                    into.add(new Span(c.getLiteral(), with(styles, Style.CODE)));
                } else if (n instanceof Emphasis) {
                    collect(n, with(styles, Style.ITALIC), into);
                } else if (n instanceof StrongEmphasis) {
                    collect(n, with(styles, Style.BOLD), into);
                } else if (n instanceof SoftLineBreak) {
                    into.add(new Span(" ", styles));
                } else if (n instanceof HardLineBreak) {
                    into.add(new Span("\n", styles));
                } else if (n instanceof HtmlInline html) {
                    into.add(new Span(html.getLiteral(), with(styles, Style.DIM)));
                } else if (n instanceof Image image) {
                    List<Span> alt = new ArrayList<>();
                    collect(image, styles, alt);
                    into.add(new Span("[image: " + new StyledLine(alt).text() + "]", with(styles, Style.DIM)));
                } else if (n instanceof Link link) {
                    link(link, styles, into);
                } else {
                    collect(n, styles, into);
                }
            }
        }

        void link(Link link, Set<Style> styles, List<Span> into) {
            List<Span> text = new ArrayList<>();
            collect(link, with(styles, Style.LINK), text);
            String url = link.getDestination();
            String shown = new StyledLine(text).text();
            into.addAll(text);
            if (url == null || url.isBlank() || url.equals(shown) || url.equals("mailto:" + shown)) {
                return;
            }
            if (options.linkMode() == LinkMode.FOOTNOTES) {
                footnoteUrls.add(url);
                into.add(new Span("[" + footnoteUrls.size() + "]", with(styles, Style.DIM)));
            } else {
                into.add(new Span(" ", styles));
                into.add(new Span("<" + url + ">", with(styles, Style.DIM)));
            }
        }

        void footnotes() {
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

        static Set<Style> with(Set<Style> styles, Style extra) {
            EnumSet<Style> s = styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
            s.add(extra);
            return s;
        }

        static String pad(String s, int width) {
            return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
        }
    }

    /** Lays out a GFM table with box-drawing borders, shrinking and wrapping columns to fit the width. */
    private static final class TableLayout {
        private final Run run;
        private final List<List<List<Span>>> rows = new ArrayList<>();
        private final List<org.commonmark.ext.gfm.tables.TableCell.Alignment> alignments = new ArrayList<>();
        private int headerRows;

        TableLayout(Run run, TableBlock table) {
            this.run = run;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    List<List<Span>> cells = new ArrayList<>();
                    int col = 0;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), col++) {
                        org.commonmark.ext.gfm.tables.TableCell tc = (org.commonmark.ext.gfm.tables.TableCell) cell;
                        Set<Style> base = tc.isHeader() ? EnumSet.of(Style.TABLE_HEADER, Style.BOLD) : Set.of();
                        cells.add(run.inlines(cell, base));
                        if (alignments.size() <= col) {
                            alignments.add(tc.getAlignment());
                        }
                        if (tc.isHeader() && col == 0) {
                            headerRows++;
                        }
                    }
                    rows.add(cells);
                }
            }
        }

        void render(Indent indent, int avail) {
            int cols = alignments.size();
            int[] widths = new int[cols];
            for (List<List<Span>> row : rows) {
                for (int c = 0; c < row.size() && c < cols; c++) {
                    widths[c] = Math.max(widths[c], Math.max(1, Wrapper.widthOf(row.get(c))));
                }
            }
            int room = avail - (cols + 1) - 2 * cols;
            if (room < cols * 3) {
                renderAsList(indent, avail);
                return;
            }
            int total = 0;
            for (int w : widths) {
                total += w;
            }
            int[] longestWord = longestWords(cols);
            while (total > room) {
                // Shrink the widest column that can still wrap between words; cut words only when none can.
                int pick = -1;
                for (int c = 0; c < cols; c++) {
                    if (widths[c] > longestWord[c] && (pick < 0 || widths[c] > widths[pick])) {
                        pick = c;
                    }
                }
                if (pick < 0) {
                    pick = 0;
                    for (int c = 1; c < cols; c++) {
                        if (widths[c] > widths[pick]) {
                            pick = c;
                        }
                    }
                }
                widths[pick]--;
                total--;
            }
            Glyphs g = run.g;
            border(indent, widths, g.topLeft(), g.topMid(), g.topRight());
            for (int r = 0; r < rows.size(); r++) {
                row(indent, rows.get(r), widths);
                if (r == headerRows - 1 && r < rows.size() - 1) {
                    border(indent, widths, g.midLeft(), g.cross(), g.midRight());
                }
            }
            border(indent, widths, g.bottomLeft(), g.bottomMid(), g.bottomRight());
        }

        private int[] longestWords(int cols) {
            int[] longest = new int[cols];
            for (List<List<Span>> row : rows) {
                for (int c = 0; c < row.size() && c < cols; c++) {
                    for (String word : new StyledLine(row.get(c)).text().split("\\s+")) {
                        longest[c] = Math.max(longest[c], word.length());
                    }
                }
            }
            return longest;
        }

        private void border(Indent indent, int[] widths, char left, char mid, char right) {
            StringBuilder sb = new StringBuilder().append(left);
            for (int c = 0; c < widths.length; c++) {
                sb.append(run.g.repeat(run.g.horizontal(), widths[c] + 2)).append(c == widths.length - 1 ? right : mid);
            }
            run.emit(indent.next(), List.of(Span.of(sb.toString(), Style.TABLE_BORDER)));
        }

        private void row(Indent indent, List<List<Span>> cells, int[] widths) {
            List<List<List<Span>>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                List<Span> cell = c < cells.size() ? cells.get(c) : List.of();
                List<List<Span>> lines = Wrapper.wrap(cell, widths[c]);
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            Span bar = Span.of(String.valueOf(run.g.vertical()), Style.TABLE_BORDER);
            for (int l = 0; l < height; l++) {
                List<Span> line = new ArrayList<>();
                line.add(bar);
                for (int c = 0; c < widths.length; c++) {
                    List<Span> content = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : List.of();
                    int slack = widths[c] - Wrapper.widthOf(content);
                    int left = switch (alignments.get(c) == null ? org.commonmark.ext.gfm.tables.TableCell.Alignment.LEFT
                            : alignments.get(c)) {
                        case RIGHT -> slack;
                        case CENTER -> slack / 2;
                        default -> 0;
                    };
                    line.add(Span.plain(" ".repeat(left + 1)));
                    line.addAll(content);
                    line.add(Span.plain(" ".repeat(slack - left + 1)));
                    line.add(bar);
                }
                run.emit(indent.next(), line);
            }
        }

        /** Too narrow for columns: each body row becomes a bullet of "header: value" pairs. */
        private void renderAsList(Indent indent, int avail) {
            List<List<Span>> header = headerRows > 0 ? rows.get(0) : List.of();
            for (int r = headerRows; r < rows.size(); r++) {
                List<Span> spans = new ArrayList<>();
                List<List<Span>> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        spans.add(Span.plain("; "));
                    }
                    if (c < header.size()) {
                        spans.addAll(header.get(c));
                        spans.add(Span.plain(": "));
                    }
                    spans.addAll(row.get(c));
                }
                String marker = run.g.bullet() + " ";
                Indent item = indent.child(List.of(Span.of(marker, Style.BULLET)), List.of(Span.plain("  ")));
                run.paragraph(spans, item, avail - marker.length());
            }
        }
    }
}
