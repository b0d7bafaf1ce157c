package dev.curtain.scenario;

import java.util.List;

/**
 * How the author wants the scenario shown.
 *
 * @param theme "light", "dark" or "projector"; null leaves the viewer's choice
 * @param panels panels to show ("inspector", "source", "log", "timeline"); empty shows the default set
 */
public record ViewHints(String theme, List<String> panels) {
    public static final ViewHints NONE = new ViewHints(null, List.of());

    public ViewHints {
        panels = List.copyOf(panels);
    }
}
