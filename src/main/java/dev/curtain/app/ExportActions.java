package dev.curtain.app;

import dev.curtain.engine.Recording;
import dev.curtain.export.ExportFormat;
import dev.curtain.export.ExportJob;
import dev.curtain.export.TraceExport;
import dev.curtain.view.model.ViewerModel;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * File → Export: the current frame as PNG (1920x1080, in the window's theme), a range as GIF or MP4, or the whole
 * run as a trace for Perfetto. Each export runs as a task on a worker thread behind a progress dialog whose Cancel
 * stops it.
 */
final class ExportActions {
    static final int STILL_WIDTH = 1920;
    static final int STILL_HEIGHT = 1080;

    private final Stage owner;
    private final ViewerModel model;
    private final Supplier<Theme> theme;

    ExportActions(Stage owner, ViewerModel model, Supplier<Theme> theme) {
        this.owner = owner;
        this.model = model;
        this.theme = theme;
    }

    void exportFrame() {
        Path out = chooseTarget(ExportFormat.PNG);
        if (out != null) {
            start(new ExportJob.Settings(ExportFormat.PNG, STILL_WIDTH, STILL_HEIGHT, 1, theme.get().palette(),
                    model.playback().getIndex(), null, null), out);
        }
    }

    void exportVideo() {
        model.playback().pause();
        new ExportDialog(owner, model, theme.get().palette()).showAndWait().ifPresent(s -> {
            Path out = chooseTarget(s.format());
            if (out != null) {
                start(s, out);
            }
        });
    }

    /**
     * The run as a Chrome/Perfetto trace: one track per thread and per P, an instant per event. Unlike the
     * pictures it needs no re-simulation, so a replayed log can be exported too.
     */
    void exportTrace() {
        Path out = chooseTarget(ExportFormat.TRACE);
        if (out != null) {
            startTrace(out);
        }
    }

    /** Writes the shown run's trace to {@code out} in the background; returns the task (tests wait on it). */
    Task<Path> startTrace(Path out) {
        Recording rec = model.recording();
        String title = model.getScenario().title();
        // an imported run keeps its real ids in the export
        dev.curtain.importer.ImportFacts facts = model.facts();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("Writing a trace of " + rec.size() + " events");
                TraceExport.save(rec, title, facts, out);
                updateMessage("Wrote " + out.getFileName());
                return out;
            }
        };
        run(task, out);
        return task;
    }

    /**
     * The three exports as menu items, for the File menu and the toolbar's export button ({@code prefix} starts each
     * label). Pictures are drawn from a re-simulation off screen, so a replayed log offers only its trace.
     */
    List<MenuItem> menuItems(String prefix) {
        MenuItem frame = new MenuItem(prefix + "Current Frame as PNG…");
        frame.setOnAction(e -> exportFrame());
        MenuItem video = new MenuItem(prefix + "Video (GIF or MP4)…");
        video.setOnAction(e -> exportVideo());
        BooleanBinding nothing = model.scenarioProperty().isNull().or(model.importedProperty());
        frame.disableProperty().bind(nothing);
        video.disableProperty().bind(nothing);
        // a trace is written from the run as it is: a replayed log has one too
        MenuItem trace = new MenuItem(prefix + "Trace for Perfetto (JSON)…");
        trace.setOnAction(e -> exportTrace());
        trace.disableProperty().bind(model.scenarioProperty().isNull());
        return List.of(frame, video, trace);
    }

    private Path chooseTarget(ExportFormat f) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export as " + (f == ExportFormat.TRACE ? "a trace" : f.name()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        String base = model.getScenario().title().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        fc.setInitialFileName((base.isEmpty() ? "curtain" : base) + "." + f.extension());
        File file = fc.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        Path p = file.toPath();
        return p.getFileName().toString().endsWith("." + f.extension()) ? p
                : p.resolveSibling(p.getFileName() + "." + f.extension());
    }

    /** Starts an export in the background behind a progress dialog; returns the job (tests wait on it). */
    ExportJob start(ExportJob.Settings s, Path out) {
        ExportJob job = new ExportJob(model.getScenario(), s, out);
        run(job, out);
        return job;
    }

    private void run(Task<Path> job, Path out) {
        Dialog<Void> progress = progressDialog(job, out);
        job.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                progress.close();
            }
            if (state == Worker.State.FAILED && !(job.getException() instanceof CancellationException)) {
                ErrorDialogs.exception(owner, job.getException());
            }
        });
        progress.show();
        Thread worker = new Thread(job, "curtain-export");
        worker.setDaemon(true);
        worker.start();
    }

    private Dialog<Void> progressDialog(Task<Path> job, Path out) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Exporting");
        d.setHeaderText("Exporting to " + out.getFileName());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(job.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("export-progress");
        Label message = new Label();
        message.textProperty().bind(job.messageProperty());
        VBox box = new VBox(bar, message);
        box.getStyleClass().add("export-progress");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        d.setResultConverter(b -> {
            // closing the dialog because the job ended also passes here: only a job still at work is cancelled
            // (its state, not isRunning(), which lags behind the state while state listeners run)
            boolean atWork = job.getState() == Worker.State.SCHEDULED || job.getState() == Worker.State.RUNNING
                    || job.getState() == Worker.State.READY;
            if (b == ButtonType.CANCEL && atWork) {
                job.cancel();
            }
            return null;
        });
        return d;
    }
}
