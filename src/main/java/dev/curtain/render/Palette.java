package dev.curtain.render;

import javafx.scene.paint.Color;

/**
 * The stage's colours for one theme. Status colours come from the Okabe-Ito set, which stays distinguishable
 * with the common colour-vision deficiencies; each is also paired with a shape (waiting Gs are hollow) or a
 * place, so colour is never the only cue. The same values appear as looked-up colours in the stylesheet's
 * {@code .root} for each theme, so panels and stage agree.
 */
public record Palette(String name, Color background, Color surface, Color lane, Color border, Color text,
                      Color muted, Color running, Color runnable, Color syscall, Color waiting, Color diverged,
                      Color accent, Color tether) {

    public static final Palette LIGHT = new Palette("light",
            Color.web("#f4f6f9"), Color.web("#ffffff"), Color.web("#fbfcfd"), Color.web("#d9dee6"),
            Color.web("#1d2633"), Color.web("#66717f"),
            Color.web("#009e73"), Color.web("#0072b2"), Color.web("#e69f00"), Color.web("#9aa5b1"),
            Color.web("#c62828"), Color.web("#5b4bd6"), Color.web("#b8578e"));

    public static final Palette DARK = new Palette("dark",
            Color.web("#12161c"), Color.web("#1a2029"), Color.web("#1f2631"), Color.web("#2e3947"),
            Color.web("#e7ebf0"), Color.web("#93a0b0"),
            Color.web("#2fc59b"), Color.web("#56b4e9"), Color.web("#f0b13a"), Color.web("#7c8898"),
            Color.web("#ff5f52"), Color.web("#f0e442"), Color.web("#cdb8ff"));

    /** For the back row of a lecture hall: white, black lines, deeper colours, thicker strokes. */
    public static final Palette PROJECTOR = new Palette("projector",
            Color.web("#ffffff"), Color.web("#ffffff"), Color.web("#ffffff"), Color.web("#1a1a1a"),
            Color.web("#000000"), Color.web("#333333"),
            Color.web("#00785a"), Color.web("#0055a0"), Color.web("#d08700"), Color.web("#6e6e6e"),
            Color.web("#d00000"), Color.web("#000000"), Color.web("#6a0dad"));

    public static Palette named(String name) {
        return switch (name) {
            case "dark" -> DARK;
            case "projector" -> PROJECTOR;
            default -> LIGHT;
        };
    }

    /** Lines are thicker on the projector, where thin lines vanish. */
    public double strokeScale() {
        return this == PROJECTOR ? 1.6 : 1;
    }
}
