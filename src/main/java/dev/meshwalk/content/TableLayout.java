package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Node;

/** Lays out a GFM table with box-drawing borders, shrinking and wrapping columns to fit the width. */
final class TableLayout {

    private final BlockLayout blocks;
    private final List<List<List<Span>>> rows = new ArrayList<>();
    private final List<TableCell.Alignment> alignments = new ArrayList<>();
    private int headerRows;

    TableLayout(BlockLayout blocks, TableBlock table) {
        this.blocks = blocks;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<List<Span>> cells = new ArrayList<>();
                int col = 0;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), col++) {
                    TableCell tc = (TableCell) cell;
                    Set<Style> base = tc.isHeader() ? EnumSet.of(Style.TABLE_HEADER, Style.BOLD) : Set.of();
                    cells.add(blocks.inlines.of(cell, base));
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
        Glyphs g = blocks.g;
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
            sb.append(blocks.g.repeat(blocks.g.horizontal(), widths[c] + 2)).append(c == widths.length - 1 ? right : mid);
        }
        blocks.emit(indent.next(), List.of(Span.of(sb.toString(), Style.TABLE_BORDER)));
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
        Span bar = Span.of(String.valueOf(blocks.g.vertical()), Style.TABLE_BORDER);
        for (int l = 0; l < height; l++) {
            List<Span> line = new ArrayList<>();
            line.add(bar);
            for (int c = 0; c < widths.length; c++) {
                List<Span> content = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : List.of();
                int slack = widths[c] - Wrapper.widthOf(content);
                int left = switch (alignments.get(c) == null ? TableCell.Alignment.LEFT
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
            blocks.emit(indent.next(), line);
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
            String marker = blocks.g.bullet() + " ";
            Indent item = indent.child(List.of(Span.of(marker, Style.BULLET)), List.of(Span.plain("  ")));
            blocks.paragraph(spans, item, avail - marker.length());
        }
    }
}
