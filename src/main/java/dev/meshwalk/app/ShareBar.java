package dev.meshwalk.app;

/** A fixed-width bar for a share between 0 and 1, e.g. {@code ██████░░░░} (ASCII {@code ######....}). */
final class ShareBar {

    private ShareBar() {
    }

    static String of(double share, int width, boolean unicode) {
        double s = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
        int full = (int) Math.round(s * width);
        String on = unicode ? "█" : "#";
        String off = unicode ? "░" : ".";
        return on.repeat(full) + off.repeat(width - full);
    }
}
