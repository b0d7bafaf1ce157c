package dev.curtain.cli;

import dev.curtain.engine.Recording;
import dev.curtain.engine.SimulationOptions;
import dev.curtain.engine.Simulator;
import dev.curtain.export.ExportFile;
import dev.curtain.export.ExportFormat;
import dev.curtain.export.ExportRange;
import dev.curtain.export.ExportScene;
import dev.curtain.export.Exporter;
import dev.curtain.export.Ffmpeg;
import dev.curtain.export.FramePlan;
import dev.curtain.export.HeadlessFx;
import dev.curtain.export.TraceExport;
import dev.curtain.importer.ImportResult;
import dev.curtain.importer.LogImport;
import dev.curtain.render.Palette;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.ImportedRun;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./curtain render FILE -o OUT}: the run drawn as the app draws it, with no display. PNG is one still (the
 * last frame of the range), GIF and MP4 play the range at 1x, and {@code .json} writes a Chrome/Perfetto trace.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a scenario with no display: a PNG still, an animated GIF, an MP4 video (through ffmpeg),"
                + " or a Chrome/Perfetto trace (.json), chosen by the output's extension.",
                "PNG shows the last frame of the range; GIF and MP4 play it at 1x (one event per 0.9 s, pausing"
                + " cues held 2.5 s longer)."})
final class RenderCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    @Parameters(index = "0", paramLabel = "FILE",
            description = "A scenario file, or a Go execution trace or schedtrace log (told apart by content).")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output file: .png, .gif, .mp4 or .json (trace).")
    Path out;

    @Option(names = "--size", defaultValue = "1920x1080", paramLabel = "WxH", description = "Frame size (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "N", description = "Frames per second (default ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "T", description = "light, dark or projector (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--from", paramLabel = "CUE", description = "Start at this cue (its id); default: the opening frame.")
    String fromCue;

    @Option(names = "--to", paramLabel = "CUE", description = "End at this cue (its id); default: the end of the run.")
    String toCue;

    @Option(names = "--from-generation", paramLabel = "N", defaultValue = "1",
            description = "For a Go execution trace: start at its generation N (default ${DEFAULT-VALUE}).")
    int fromGeneration = 1;

    @Option(names = "--go", paramLabel = "V", description = "Go version to imitate instead of the file's.")
    String go;

    @Option(names = "--gomaxprocs", paramLabel = "N", description = "Number of Ps instead of the file's.")
    Integer gomaxprocs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed instead of the file's.")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExportFormat format = ExportFormat.of(out).orElseThrow(() -> new InvalidInputException(
                out + ": the output must end in .png, .gif, .mp4 or .json"));
        if (format == ExportFormat.MP4 && Ffmpeg.find().isEmpty()) {
            throw new InvalidInputException(Ffmpeg.MISSING);
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(out + ": its folder does not exist");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (LogImport.looksLikeImport(file)) {
            return renderImport(format);
        }
        Scenario scenario = ScenarioInput.load(file);
        SimulationOptions options = ScenarioInput.options(scenario, go, gomaxprocs, seed);
        scenario = scenario.withOptions(options);
        if (format == ExportFormat.TRACE) {
            Recording rec = Simulator.run(scenario.program(), options);
            TraceExport.save(rec, scenario.title(), out);
            stdout.printf(Locale.ROOT, "%s: a trace of %d events (open it in Perfetto)%n", out, rec.size());
            stdout.flush();
            return 0;
        }
        int[] wh = parseSize(format);
        if (fps < 1 || fps > 120) {
            throw new InvalidInputException("--fps: must be 1..120, not " + fps);
        }
        Palette palette = palette(theme);
        HeadlessFx.start();
        Scenario s = scenario;
        long t0 = System.nanoTime();
        ExportScene scene = Exporter.onFxAndWait(() -> new ExportScene(s, wh[0], wh[1], palette));
        return write(scene, format, wh, t0);
    }

    /** A recording of a real run: imported, not simulated, so --go, --gomaxprocs and --seed do not apply. */
    private int renderImport(ExportFormat format) throws IOException {
        if (go != null || gomaxprocs != null || seed != null) {
            throw new InvalidInputException(file + " is " + ImportInput.kind(file) + " of a real run: --go, "
                    + "--gomaxprocs and --seed apply to scenarios only");
        }
        ImportResult r = ImportInput.load(file, spec.commandLine().getErr(), fromGeneration);
        Scenario about = ImportedRun.describe(file, r);
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == ExportFormat.TRACE) {
            TraceExport.save(r.recording(), about.title(), r.facts(), out);
            stdout.printf(Locale.ROOT, "%s: a trace of %d events (open it in Perfetto)%n", out, r.recording().size());
            stdout.flush();
            return 0;
        }
        int[] wh = parseSize(format);
        if (fps < 1 || fps > 120) {
            throw new InvalidInputException("--fps: must be 1..120, not " + fps);
        }
        Palette palette = palette(theme);
        HeadlessFx.start();
        long t0 = System.nanoTime();
        ExportScene scene = Exporter.onFxAndWait(() -> {
            ViewerModel m = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
            m.openRecording(about, r.recording(), r.openingIndex(), r.facts());
            return new ExportScene(m, wh[0], wh[1], palette);
        });
        return write(scene, format, wh, t0);
    }

    private int write(ExportScene scene, ExportFormat format, int[] wh, long t0) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        FramePlan plan;
        try {
            ExportRange range = Exporter.onFxAndWait(() -> ExportRange.of(scene.model(), fromCue, toCue));
            plan = format == ExportFormat.PNG ? FramePlan.still(range.to()) : range.plan(fps);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        ExportFile.write(scene, plan, format, fps, out, (done, total) -> true);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (format == ExportFormat.PNG) {
            stdout.printf(Locale.ROOT, "%s: %dx%d still in %.1f s%n", out, wh[0], wh[1], secs);
        } else {
            stdout.printf(Locale.ROOT, "%s: %d frames, %dx%d at %d fps (%.1f s of video) in %.1f s, %.1f frames/s%n",
                    out, plan.size(), wh[0], wh[1], fps, plan.seconds(), secs, plan.size() / secs);
        }
        stdout.flush();
        return 0;
    }

    private int[] parseSize(ExportFormat format) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new InvalidInputException("--size: expected WIDTHxHEIGHT such as 1920x1080, not '" + size + "'");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 320 || h < 240 || w > 7680 || h > 4320) {
            throw new InvalidInputException("--size: " + size + " is outside 320x240..7680x4320");
        }
        if (format == ExportFormat.MP4 && (w % 2 != 0 || h % 2 != 0)) {
            throw new InvalidInputException("--size: MP4 needs an even width and height, not " + size);
        }
        return new int[] {w, h};
    }

    private static Palette palette(String name) {
        return switch (name) {
            case "light" -> Palette.LIGHT;
            case "dark" -> Palette.DARK;
            case "projector" -> Palette.PROJECTOR;
            default -> throw new InvalidInputException("--theme: light, dark or projector, not '" + name + "'");
        };
    }
}
