package dev.curtain.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.export.ExportFormat;
import dev.curtain.export.ExportJob;
import dev.curtain.render.Palette;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export in the window: a background job behind a progress dialog, cancellable, never half a file. */
@ExtendWith(ApplicationExtension.class)
class ExportActionsTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = WindowHarness.open(stage, file -> ScenarioOpener.Result.of(TestScenarios.setnsOnLockedThread()),
                1600, 960);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != window.scene().getWindow())
                .filter(w -> w instanceof Stage).toList().forEach(w -> ((Stage) w).close()));
    }

    private ExportJob start(FxRobot robot, ExportJob.Settings s, Path out) {
        AtomicReference<ExportJob> job = new AtomicReference<>();
        robot.interact(() -> job.set(window.exportActions().start(s, out)));
        return job.get();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void awaitDone(ExportJob job) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, job::isDone);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFileMenuOffersBothExports(FxRobot robot) {
        robot.clickOn("File");
        assertThat(robot.lookup("Export Current Frame as PNG…").tryQuery()).isPresent();
        assertThat(robot.lookup("Export Video (GIF or MP4)…").tryQuery()).isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void theToolbarsExportButtonOffersBothExports(FxRobot robot) {
        javafx.scene.control.MenuButton button = robot.lookup("#export").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(button.isDisabled()).isFalse();
        assertThat(button.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Current Frame as PNG…", "Video (GIF or MP4)…", "Trace for Perfetto (JSON)…");
        robot.clickOn(button);
        assertThat(robot.lookup("Video (GIF or MP4)…").tryQuery()).isPresent();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void theRunIsExportedAsAPerfettoTraceWithOneInstantPerEvent(FxRobot robot) throws Exception {
        Path out = dir.resolve("run.json");
        Files.writeString(out, "an older file");
        AtomicReference<javafx.concurrent.Task<Path>> task = new AtomicReference<>();
        robot.interact(() -> task.set(window.exportActions().startTrace(out)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, task.get()::isDone);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(task.get()::getState)).isEqualTo(Worker.State.SUCCEEDED);
        com.fasterxml.jackson.databind.JsonNode trace = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toFile());
        int instants = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : trace.get("traceEvents")) {
            if ("i".equals(e.path("ph").asText())) {
                instants++;
            }
        }
        assertThat(instants).isEqualTo(onFx(() -> window.model().recording().size()));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
        }
    }

    @Test
    void theCurrentFrameIsExportedAsAPngInTheBackground(FxRobot robot) throws Exception {
        robot.interact(() -> window.setTheme(Theme.DARK));
        int index = window.model().playback().getIndex();
        Path out = dir.resolve("frame.png");
        ExportJob job = start(robot, new ExportJob.Settings(ExportFormat.PNG, 960, 540, 1, Palette.DARK, index, null,
                null), out);
        awaitDone(job);
        assertThat(onFx(job::getState)).isEqualTo(Worker.State.SUCCEEDED);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(540);
        // The frame is drawn, in the dark palette: its background at the corner, labels in its text colour, and
        // as much of the stage covered as the window's own stage shows at the same event.
        assertThat(dev.curtain.export.FramePixels.at(img, 2, 2, Palette.DARK.background(), 6)).isTrue();
        assertThat(dev.curtain.export.FramePixels.near(img, Palette.DARK.text(), 40)).isGreaterThan(200);
        double exported = dev.curtain.export.FramePixels.covered(img, Palette.DARK.background());
        assertThat(exported).isBetween(0.2, 0.97);
        // The file holds the stage as drawn at that event: the same scenario laid out at the same size and drawn
        // there, pixel for pixel (a swapped channel, an offset or another event's frame would not match).
        byte[] drawn = onFx(() -> new dev.curtain.export.ExportScene(window.model().getScenario(), 960, 540,
                Palette.DARK).render(new dev.curtain.export.FramePlan.Frame(index, 1.0), null));
        int same = 0;
        for (int y = 0; y < 540; y++) {
            for (int x = 0; x < 960; x++) {
                int o = (y * 960 + x) * 4;
                int rgb = img.getRGB(x, y);
                if (Math.abs((drawn[o + 2] & 0xff) - ((rgb >> 16) & 0xff)) <= 2
                        && Math.abs((drawn[o + 1] & 0xff) - ((rgb >> 8) & 0xff)) <= 2
                        && Math.abs((drawn[o] & 0xff) - (rgb & 0xff)) <= 2) {
                    same++;
                }
            }
        }
        assertThat(same).isGreaterThan(960 * 540 * 99 / 100);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(out, Path.of("target", "screenshots", "export-frame-dark.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void cancellingAVideoExportLeavesTheFileItWouldHaveReplaced(FxRobot robot) throws Exception {
        Path out = dir.resolve("run.gif");
        Files.writeString(out, "an older export");
        ExportJob job = start(robot, new ExportJob.Settings(ExportFormat.GIF, 1280, 720, 30, Palette.LIGHT, 0, null,
                null), out);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(job::getProgress) > 0);
        DialogPane progress = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(progress.getHeaderText()).contains("run.gif");
        robot.interact(() -> progress.lookupButton(ButtonType.CANCEL).fireEvent(
                new javafx.event.ActionEvent()));
        awaitDone(job);
        assertThat(onFx(job::getState)).isEqualTo(Worker.State.CANCELLED);
        assertThat(Files.readString(out)).isEqualTo("an older export");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    @Test
    void theVideoDialogOffersTheRunsCuesAsRangeEnds(FxRobot robot) {
        AtomicReference<ExportDialog> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(new ExportDialog(window.scene().getWindow(), window.model(), Palette.LIGHT)));
        ExportDialog d = dialog.get();
        assertThat(d.from.getItems()).extracting(ExportDialog.Cue::id).contains((String) null);
        int cues = (int) java.util.Arrays.stream(window.model().cueIndicesProperty().get()).filter(i -> i >= 0).count();
        assertThat(d.from.getItems()).hasSize(cues + 1);
        robot.interact(() -> {
            d.size.setValue("1920x1080");
            d.fps.setValue(24);
            d.from.setValue(d.from.getItems().get(d.from.getItems().size() - 1));
        });
        ExportJob.Settings s = d.settings(Palette.LIGHT);
        assertThat(s.width()).isEqualTo(1920);
        assertThat(s.height()).isEqualTo(1080);
        assertThat(s.fps()).isEqualTo(24);
        assertThat(s.fromCue()).isNotNull();
        assertThat(s.toCue()).isNull();
    }
}
