package dev.curtain.render;

/**
 * The name written under a token, made to fit its cell: the canvas squeezes a text wider than the width it is
 * given, and "runtime.gcBgMarkWorker" squeezed under a 30 px token is a grey smear. So the package goes first (the
 * function is the telling part), then the end of the name, for an ellipsis.
 */
final class TokenName {
    /** How wide a character of the name font is, on average, in ems: wider than most, so the cut rarely squeezes. */
    static final double CHAR_EM = 0.58;
    /** Squeezed by up to this much still reads; beyond it the name is cut. */
    static final double SQUEEZE = 1.25;

    private TokenName() {
    }

    /** {@code name} as it fits {@code width} units at {@code fontSize}. */
    static String fit(String name, double width, double fontSize) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int room = Math.max(2, (int) Math.floor(width * SQUEEZE / (fontSize * CHAR_EM)));
        String n = name;
        if (n.length() > room) {
            int dot = n.lastIndexOf('.', n.length() - 2);
            n = dot >= 0 ? n.substring(dot + 1) : n;
        }
        return n.length() <= room ? n : n.substring(0, room - 1) + "…";
    }
}
