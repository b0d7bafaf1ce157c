package dev.curtain.export;

import dev.curtain.engine.Recording;
import dev.curtain.engine.Simulator;
import dev.curtain.render.Palette;
import dev.curtain.scenario.Scenario;
import dev.curtain.view.model.EventExplainer;
import dev.curtain.view.model.SimulationRunner;
import dev.curtain.view.model.ViewerModel;
import java.nio.file.Path;
import javafx.concurrent.Task;

/**
 * An export from the app, as a background task with progress and cancel: the scenario is simulated on the worker,
 * and each frame is drawn on the FX thread between the window's own pulses, so the window never blocks.
 */
public final class ExportJob extends Task<Path> {
    /**
     * What to export.
     *
     * @param still for a PNG, the playback index to draw; ignored otherwise
     * @param fromCue a cue id, or null for the opening frame
     * @param toCue a cue id, or null for the end of the run
     */
    public record Settings(ExportFormat format, int width, int height, int fps, Palette palette, int still,
                           String fromCue, String toCue) {
    }

    private final Scenario scenario;
    private final Settings settings;
    private final Path out;

    public ExportJob(Scenario scenario, Settings settings, Path out) {
        this.scenario = scenario;
        this.settings = settings;
        this.out = out;
    }

    @Override
    protected Path call() throws Exception {
        updateMessage("Simulating " + scenario.title());
        Recording rec = Simulator.run(scenario.program(), scenario.options());
        ExportScene scene = Exporter.onFxAndWait(() -> {
            ViewerModel m = new ViewerModel(SimulationRunner.direct(), EventExplainer.standard());
            m.openRecording(scenario, rec, ViewerModel.openingIndex(rec));
            return new ExportScene(m, settings.width(), settings.height(), settings.palette());
        });
        FramePlan plan = settings.format() == ExportFormat.PNG ? FramePlan.still(settings.still())
                : Exporter.onFxAndWait(() -> ExportRange.of(scene.model(), settings.fromCue(), settings.toCue()))
                        .plan(settings.fps());
        updateMessage("Drawing " + plan.size() + " frames");
        ExportFile.write(scene, plan, settings.format(), settings.fps(), out, (done, total) -> {
            updateProgress(done, total);
            return !isCancelled();
        });
        updateMessage("Wrote " + out.getFileName());
        return out;
    }
}
