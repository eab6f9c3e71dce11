package dev.meshwalk.content;

/** How links appear in rendered text: the URL after the text, or a numbered footnote listed at the end. */
public enum LinkMode { INLINE, FOOTNOTES }
