package dev.curtain.app;

import dev.curtain.render.Palette;

/** The three looks: a style class on the scene's root (the stylesheet's palette) and the stage's palette. */
public enum Theme {
    LIGHT("Light", Palette.LIGHT), DARK("Dark", Palette.DARK), PROJECTOR("Projector (high contrast)", Palette.PROJECTOR);

    private final String label;
    private final Palette palette;

    Theme(String label, Palette palette) {
        this.label = label;
        this.palette = palette;
    }

    public String label() { return label; }
    public Palette palette() { return palette; }
    /** The root style class, for example {@code theme-dark}. */
    public String styleClass() { return "theme-" + palette.name(); }

    public static Theme named(String name) {
        for (Theme t : values()) {
            if (t.palette.name().equals(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
