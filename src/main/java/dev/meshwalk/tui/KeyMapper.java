package dev.meshwalk.tui;

import com.googlecode.lanterna.input.KeyStroke;

import dev.meshwalk.core.Key;

/** Lanterna key strokes to the core's keys; the core decides what they mean. */
final class KeyMapper {

    private KeyMapper() {
    }

    static Key map(KeyStroke k) {
        switch (k.getKeyType()) {
            case Character:
                char c = k.getCharacter();
                if (k.isCtrlDown() && (c == 'c' || c == 'C')) {
                    return Key.of(Key.Kind.CTRL_C);
                }
                if (k.isCtrlDown() || k.isAltDown()) {
                    return Key.of(Key.Kind.OTHER);
                }
                return Key.ch(c);
            case Enter: return Key.of(Key.Kind.ENTER);
            case Escape: return Key.of(Key.Kind.ESCAPE);
            case ArrowUp: return Key.of(Key.Kind.UP);
            case ArrowDown: return Key.of(Key.Kind.DOWN);
            case ArrowLeft: return Key.of(Key.Kind.LEFT);
            case ArrowRight: return Key.of(Key.Kind.RIGHT);
            case PageUp: return Key.of(Key.Kind.PAGE_UP);
            case PageDown: return Key.of(Key.Kind.PAGE_DOWN);
            case Home: return Key.of(Key.Kind.HOME);
            case End: return Key.of(Key.Kind.END);
            case Backspace: return Key.of(Key.Kind.BACKSPACE);
            case Tab: return Key.of(Key.Kind.TAB);
            case EOF: return Key.of(Key.Kind.CTRL_C);
            default: return Key.of(Key.Kind.OTHER);
        }
    }
}
