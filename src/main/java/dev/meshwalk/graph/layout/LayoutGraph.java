package dev.meshwalk.graph.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the layered layout needs to know, and nothing about services: boxes of some height, each with one
 * or more port sections (row ranges on its sides where edges may attach), and directed links between
 * sections. Widths come later ({@link Arrangement#route}) because they do not change the vertical layout,
 * so a caller can try several box widths without laying out again.
 */
public final class LayoutGraph {

    /** Rows {@code firstRow..lastRow} (relative to the box top) where links may attach. */
    public record Section(int firstRow, int lastRow) {
        public Section {
            if (firstRow < 0 || lastRow < firstRow) {
                throw new IllegalArgumentException("bad section rows " + firstRow + ".." + lastRow);
            }
        }

        int middle() {
            return (firstRow + lastRow) / 2;
        }
    }

    /** A box: its height in rows and its port sections. */
    public record Box(int height, List<Section> sections) {
        public Box {
            sections = List.copyOf(sections);
            if (sections.isEmpty()) {
                throw new IllegalArgumentException("a box needs at least one port section");
            }
            for (Section s : sections) {
                if (s.lastRow() >= height) {
                    throw new IllegalArgumentException("section " + s + " lies outside a box of height " + height);
                }
            }
        }
    }

    /** A directed link from a section of one box to a section of another. */
    public record Link(int from, int fromSection, int to, int toSection) {
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();

    /** Adds a box and returns its index. */
    public int addBox(Box box) {
        boxes.add(Objects.requireNonNull(box));
        return boxes.size() - 1;
    }

    /** Adds a link and returns its index. Self links are accepted and ignored by the layout. */
    public int addLink(int from, int fromSection, int to, int toSection) {
        checkSection(from, fromSection);
        checkSection(to, toSection);
        links.add(new Link(from, fromSection, to, toSection));
        return links.size() - 1;
    }

    private void checkSection(int box, int section) {
        if (box < 0 || box >= boxes.size()) {
            throw new IllegalArgumentException("no box " + box);
        }
        if (section < 0 || section >= boxes.get(box).sections().size()) {
            throw new IllegalArgumentException("box " + box + " has no section " + section);
        }
    }

    public List<Box> boxes() {
        return List.copyOf(boxes);
    }

    public List<Link> links() {
        return List.copyOf(links);
    }

    int boxCount() {
        return boxes.size();
    }

    Box box(int i) {
        return boxes.get(i);
    }

    int linkCount() {
        return links.size();
    }

    Link link(int i) {
        return links.get(i);
    }
}
