package dev.meshwalk.graph.render;

/**
 * The window of a large map that is on screen. Panning keeps it inside the map, so a front-end can
 * send arrow keys straight to {@link #pan} without checking bounds.
 */
public record Viewport(int x, int y, int width, int height) {

    public Viewport {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a viewport cannot have a negative size");
        }
    }

    /** The top-left window of the given size. */
    public static Viewport topLeft(int width, int height) {
        return new Viewport(0, 0, width, height);
    }

    /** Moves by (dx, dy) and clamps to the canvas. */
    public Viewport pan(int dx, int dy, Canvas canvas) {
        return new Viewport(x + dx, y + dy, width, height).clampTo(canvas);
    }

    /** The same size, moved so it lies within the canvas where possible. */
    public Viewport clampTo(Canvas canvas) {
        int nx = Math.max(0, Math.min(x, canvas.width() - width));
        int ny = Math.max(0, Math.min(y, canvas.height() - height));
        return new Viewport(nx, ny, width, height);
    }

    /** A new size (after a terminal resize), clamped. */
    public Viewport resize(int newWidth, int newHeight, Canvas canvas) {
        return new Viewport(x, y, newWidth, newHeight).clampTo(canvas);
    }

    /** Whether the canvas has parts outside this window (so a front-end shows pan hints). */
    public boolean cuts(Canvas canvas) {
        return x > 0 || y > 0 || x + width < canvas.width() || y + height < canvas.height();
    }
}
