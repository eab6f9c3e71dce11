package dev.meshwalk.core;

/**
 * What fills the terminal and how it may be drawn.
 *
 * @param view    the main screen
 * @param overlay a dialog on top, or NONE
 * @param size    terminal size; below 80x24 the too-small screen is shown instead of everything else
 * @param unicode whether box drawing and symbols may be used (false: ASCII)
 */
public record Screen(View view, Overlay overlay, Size size, boolean unicode) {

    Screen withView(View v) {
        return new Screen(v, overlay, size, unicode);
    }

    Screen withOverlay(Overlay o) {
        return new Screen(view, o, size, unicode);
    }

    Screen withSize(Size s) {
        return new Screen(view, overlay, s, unicode);
    }
}
