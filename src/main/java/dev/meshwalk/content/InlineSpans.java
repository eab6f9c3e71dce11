package dev.meshwalk.content;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Inline Markdown (text, code, emphasis, links, images, breaks) to styled spans, before wrapping. A link
 * keeps its text and shows its URL after it, or, in {@link LinkMode#FOOTNOTES}, as a numbered reference
 * collected here for the "Links" list at the end of the document. One instance per document.
 */
final class InlineSpans {

    private final LinkMode linkMode;
    private final List<String> footnoteUrls = new ArrayList<>();

    InlineSpans(LinkMode linkMode) {
        this.linkMode = linkMode;
    }

    /** The URLs referenced as footnotes so far, in number order (footnote n is at index n - 1). */
    List<String> footnoteUrls() {
        return List.copyOf(footnoteUrls);
    }

    /** The spans of a node's inline children, each with the inherited styles plus its own. */
    List<Span> of(Node parent, Set<Style> inherited) {
        List<Span> spans = new ArrayList<>();
        collect(parent, inherited, spans);
        return spans;
    }

    private void collect(Node parent, Set<Style> styles, List<Span> into) {
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

    private void link(Link link, Set<Style> styles, List<Span> into) {
        List<Span> text = new ArrayList<>();
        collect(link, with(styles, Style.LINK), text);
        String url = link.getDestination();
        String shown = new StyledLine(text).text();
        into.addAll(text);
        if (url == null || url.isBlank() || url.equals(shown) || url.equals("mailto:" + shown)) {
            return;
        }
        if (linkMode == LinkMode.FOOTNOTES) {
            footnoteUrls.add(url);
            into.add(new Span("[" + footnoteUrls.size() + "]", with(styles, Style.DIM)));
        } else {
            into.add(new Span(" ", styles));
            into.add(new Span("<" + url + ">", with(styles, Style.DIM)));
        }
    }

    private static Set<Style> with(Set<Style> styles, Style extra) {
        EnumSet<Style> s = styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
        s.add(extra);
        return s;
    }
}
