package dev.curtain.scenario;

import dev.curtain.engine.GoVersion;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.program.Program;
import java.util.List;
import java.util.Objects;

/**
 * A lesson or shared scenario, validated and ready to run: what the file format (version 1) holds, as a model
 * apart from the JSON (the DTOs and Jackson stay in this package's reader and writer).
 *
 * @param title shown in the lesson picker and the window title
 * @param description a paragraph for the picker
 * @param author who wrote it
 * @param options Go version, GOMAXPROCS, seed, GODEBUG flags, limits
 * @param program the functions, channels and process baseline
 * @param source the Go source shown beside the animation ("" when none); statements point at its lines
 * @param cues cue points: captions, speaker notes, pauses, highlights
 * @param compare Go versions the lesson contrasts (opened side by side by the lesson picker); empty if none
 * @param hints view hints (theme, panels)
 */
public record Scenario(String title, String description, String author, SimulationOptions options, Program program,
                       String source, List<CuePoint> cues, List<GoVersion> compare, ViewHints hints) {
    public Scenario {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(source, "source");
        cues = List.copyOf(cues);
        compare = List.copyOf(compare);
        Objects.requireNonNull(hints, "hints");
    }

    /** The same scenario under other options (the toolbar's version and GOMAXPROCS pickers). */
    public Scenario withOptions(SimulationOptions o) {
        return new Scenario(title, description, author, o, program, source, cues, compare, hints);
    }

    public Scenario withCues(List<CuePoint> c) {
        return new Scenario(title, description, author, options, program, source, c, compare, hints);
    }
}
