package dev.curtain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.export.Ffmpeg;
import dev.curtain.export.GifDelays;
import dev.curtain.export.FramePixels;
import dev.curtain.render.Palette;
import dev.curtain.scenario.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code ./curtain render}, run in this JVM on the headless toolkit the UI tests share. */
class RenderCommandTest {
    static final String LESSON1 = CliTest.LESSON1;
    private static final Pattern FRAMES = Pattern.compile("(\\d+) frames");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        // started the way TestFX starts it, so UI tests that run later in this JVM find it as they expect
        FxToolkit.registerPrimaryStage();
    }

    /**
     * The README's animation is what the command under it renders now, byte for byte: a change to what the stage
     * draws (or to when a box's new look is ready during a move) shows here, and the asset is rendered again.
     */
    @Test
    void theReadmesGifIsWhatItsCommandRenders() throws IOException {
        Path gif = dir.resolve("lesson-01.gif");
        CliTest.Run r = CliTest.run("render", LESSON1, "-o", gif.toString(), "--size", "854x480", "--fps", "10",
                "--from", "go", "--to", "no-p");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(gif)).as("README's assets/lesson-01-hello-goroutine.gif, rendered again")
                .isEqualTo(Files.readAllBytes(Path.of("assets/lesson-01-hello-goroutine.gif")));
    }

    @Test
    void theSamePngCommandTwiceWritesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        CliTest.Run ra = CliTest.run("render", LESSON1, "-o", a.toString(), "--size", "640x360", "--to", "write");
        CliTest.Run rb = CliTest.run("render", LESSON1, "-o", b.toString(), "--size", "640x360", "--to", "write");
        assertThat(ra.code()).as(ra.err()).isZero();
        assertThat(rb.code()).as(rb.err()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        BufferedImage img = ImageIO.read(a.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
        // What the frame at "write" must show (a blank or half-drawn frame would pass the checks above): the light
        // stage, G2's token and P0's bar in the syscall colour, G1 waiting, and the dark caption bar with its text.
        Palette light = Palette.LIGHT;
        assertThat(FramePixels.at(img, 2, 2, light.background(), 6)).as("the stage's background").isTrue();
        assertThat(FramePixels.near(img, light.syscall(), 24)).as("the syscall colour: G2 and P0").isGreaterThan(400);
        assertThat(FramePixels.near(img, light.waiting(), 24)).as("G1 waiting").isGreaterThan(60);
        assertThat(FramePixels.covered(img, light.background())).isBetween(0.2, 0.95);
        BufferedImage caption = img.getSubimage(0, 330, 640, 30);
        assertThat(FramePixels.covered(caption, light.background())).as("the caption bar").isGreaterThan(0.9);
        assertThat(FramePixels.near(caption, javafx.scene.paint.Color.WHITE, 60)).as("the caption's text")
                .isGreaterThan(300);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(a, Path.of("target", "screenshots", "render-lesson1-write.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aGoExecutionTraceRendersAsAStillOfItsLastState() throws IOException {
        Path png = dir.resolve("trace.png");
        CliTest.Run r = CliTest.run("render", "src/test/resources/gotrace/chan-go1.22.trace", "-o", png.toString(),
                "--size", "640x360");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
    }

    @Test
    void aGifLastsAsLongAsItsFramesAtTheGivenRate() throws IOException {
        Path gif = dir.resolve("part.gif");
        CliTest.Run r = CliTest.run("render", LESSON1, "-o", gif.toString(), "--size", "480x270", "--fps", "10",
                "--from", "go", "--to", "runs");
        assertThat(r.code()).as(r.err()).isZero();
        int frames = framesPrinted(r.out());
        assertThat(frames).isGreaterThan(10);
        List<Integer> delays = GifDelays.of(gif);
        // held frames are merged into longer delays, so fewer images, but the same length in time
        assertThat(delays.size()).isGreaterThan(1).isLessThanOrEqualTo(frames);
        assertThat(delays.stream().mapToInt(Integer::intValue).sum()).isEqualTo(frames * 10);
    }

    @Test
    void anMp4HasTheFramesSizeAndDurationAsked() throws Exception {
        Assumptions.assumeTrue(Ffmpeg.find().isPresent(), "skipped: ffmpeg is not on the PATH (Debian package"
                + " 'ffmpeg'); CI installs it");
        Path mp4 = dir.resolve("part.mp4");
        CliTest.Run r = CliTest.run("render", LESSON1, "-o", mp4.toString(), "--size", "640x360", "--fps", "24",
                "--from", "go", "--to", "runs");
        assertThat(r.code()).as(r.err()).isZero();
        int frames = framesPrinted(r.out());
        Path probe = Ffmpeg.find().get().resolveSibling("ffprobe");
        Process p = new ProcessBuilder(probe.toString(), "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=width,height,nb_read_frames:format=duration", "-of", "default=nw=1",
                mp4.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(info).contains("width=640", "height=360", "nb_read_frames=" + frames);
        Matcher d = Pattern.compile("duration=([0-9.]+)").matcher(info);
        assertThat(d.find()).as(info).isTrue();
        assertThat(Double.parseDouble(d.group(1))).isCloseTo(frames / 24.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void aJsonOutputIsAChromeTraceWithATrackPerThreadAndProcessor() throws Exception {
        Path trace = dir.resolve("run.json");
        CliTest.Run r = CliTest.run("render", LESSON1, "-o", trace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Json.Obj doc = (Json.Obj) Json.parse(Files.readAllBytes(trace), 64);
        List<Json> events = ((Json.Arr) doc.get("traceEvents")).items();
        List<String> trackNames = events.stream().map(e -> (Json.Obj) e)
                .filter(e -> ((Json.Str) e.get("name")).value().equals("thread_name"))
                .map(e -> ((Json.Str) ((Json.Obj) e.get("args")).get("name")).value()).toList();
        assertThat(trackNames).contains("M0", "M1", "M2", "P0");
        assertThat(events).anyMatch(e -> ((Json.Str) ((Json.Obj) e).get("ph")).value().equals("X")
                && ((Json.Str) ((Json.Obj) e).get("name")).value().contains("syscall"));
    }

    @Test
    void anUnknownCueAWrongExtensionOrABadSizeIsInvalidInput() {
        CliTest.Run cue = CliTest.run("render", LESSON1, "-o", dir.resolve("x.gif").toString(), "--size",
                "480x270", "--from", "nope");
        assertThat(cue.code()).isEqualTo(2);
        assertThat(cue.err()).contains("no cue 'nope'", "go, runs, write");
        CliTest.Run ext = CliTest.run("render", LESSON1, "-o", dir.resolve("x.avi").toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).contains(".png, .gif, .mp4 or .json");
        CliTest.Run size = CliTest.run("render", LESSON1, "-o", dir.resolve("x.png").toString(), "--size", "big");
        assertThat(size.code()).isEqualTo(2);
        assertThat(size.err()).contains("WIDTHxHEIGHT");
    }

    private static int framesPrinted(String out) {
        Matcher m = FRAMES.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
