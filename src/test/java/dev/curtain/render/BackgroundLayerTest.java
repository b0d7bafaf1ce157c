package dev.curtain.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stage paints an event only where its recording changed, and a frame only under what moved: that must give
 * the very pixels painting everything again gives. Random recordings (shapes, strokes, dashes, texts, pictures, in
 * random styles and places, half of each kept from the one before) are shown one after another through one layer,
 * with random patches scribbled over between them as moving tokens would be; after each, the canvas is compared
 * pixel by pixel with a fresh canvas that painted the static layer and the whole recording.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundLayerTest {
    private static final int W = 480;
    private static final int H = 320;
    private final Text measure = new Text();
    private Canvas canvas;
    private Canvas fresh;
    private Image sprite;

    @Start
    void start(Stage stage) {
        canvas = new Canvas(W, H);
        fresh = new Canvas(W, H);
        stage.setScene(new Scene(new Group(canvas, fresh), W * 2, H));
        stage.show();
        Canvas s = new Canvas(20, 20);
        s.getGraphicsContext2D().setFill(Color.TEAL);
        s.getGraphicsContext2D().fillOval(1, 1, 18, 18);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        sprite = s.snapshot(p, null);
    }

    @Test
    void paintingWhatChangedGivesThePixelsOfPaintingEverything(FxRobot robot) {
        // at the window's own scale: a headless window has 1, and a picture taken at 2 drawn on a canvas of 1 is
        // resampled, which no real screen does (a HiDPI canvas renders at 2 too)
        double scale = 1;
        for (long seed : new long[] {42, 4242, 424242}) {
            Random rnd = new Random(seed);
            robot.interact(() -> {
                DrawList still = staticLayer();
                BackgroundLayer layer = new BackgroundLayer();
                still.replay(canvas.getGraphicsContext2D(), null);
                WritableImage picture = snapshot(canvas, scale);
                layer.staticDrawn(still, picture, W, H, scale);
                List<Op> ops = randomOps(rnd, 60);
                for (int round = 0; round < 30; round++) {
                    // a frame's moving items: scribbled over, then restored
                    List<Rect> patches = scribble(rnd, canvas);
                    if (rnd.nextBoolean()) {
                        layer.restore(canvas.getGraphicsContext2D(), patches);
                        patches = scribble(rnd, canvas);
                    }
                    ops = mutate(rnd, ops);
                    DrawList next = record(ops);
                    layer.show(canvas.getGraphicsContext2D(), next, patches);
                    paintEverything(fresh, still, next);
                    assertSamePixels(snapshot(canvas, scale), snapshot(fresh, scale), "seed " + seed + ", round " + round);
                }
            });
        }
    }

    @Test
    void twoRecordingsOfTheSameCallsDifferNowhere(FxRobot robot) {
        robot.interact(() -> {
            List<Op> ops = randomOps(new Random(7), 80);
            assertThat(record(ops).changedSince(record(ops))).isEmpty();
            List<Op> moved = new ArrayList<>(ops);
            Op one = moved.get(10);
            moved.set(10, new Op(one.kind, one.x + 30, one.y, one.w, one.h, one.style, one.text));
            List<Rect> changed = record(moved).changedSince(record(ops));
            assertThat(changed).hasSize(2);
        });
    }

    @Test
    void aCallIsUnchangedWhenOnlyStyleItDoesNotDrawWithDiffers(FxRobot robot) {
        robot.interact(() -> {
            // the lane above was in a syscall (a dashed syscall-coloured outline) or was not: the fills and texts
            // of the lanes after it must not count as changed, or one lane's change repaints all those after it
            DrawList before = new DrawList(this::width);
            before.setStroke(Color.GOLDENROD);
            before.setLineWidth(1.5);
            before.setLineDashes(5, 4);
            before.setFill(Color.SEAGREEN);
            before.fillRoundRect(10, 10, 5, 70, 5, 5);
            before.setFont(Font.font("System", 12));
            before.fillText("running", 20, 50);
            before.drawImage(sprite, 100, 10, 20, 20);
            DrawList after = new DrawList(this::width);
            after.setFill(Color.SEAGREEN);
            after.fillRoundRect(10, 10, 5, 70, 5, 5);
            after.setFont(Font.font("System", 12));
            after.fillText("running", 20, 50);
            after.drawImage(sprite, 100, 10, 20, 20);
            assertThat(after.changedSince(before)).isEmpty();
            // what a call does draw with still counts
            DrawList restroked = new DrawList(this::width);
            restroked.setStroke(Color.GOLDENROD);
            restroked.strokeRoundRect(10, 10, 50, 50, 8, 8);
            DrawList stroked = new DrawList(this::width);
            stroked.strokeRoundRect(10, 10, 50, 50, 8, 8);
            assertThat(restroked.changedSince(stroked)).hasSize(2);
        });
    }

    // ------------------------------------------------------------------ a tiny random scene language

    private record Style(Color fill, Color stroke, double width, double[] dashes, StrokeLineCap cap, Font font,
                         TextAlignment align, VPos baseline, double alpha) {
    }

    private record Op(int kind, double x, double y, double w, double h, Style style, String text) {
    }

    private DrawList staticLayer() {
        DrawList l = new DrawList(this::width);
        l.setFill(Color.web("#f4f4f6"));
        l.fillRect(0, 0, W, H);
        l.setFill(Color.WHITE);
        l.setStroke(Color.GREY);
        l.fillRoundRect(10, 10, W - 20, H - 20, 14, 14);
        l.strokeRoundRect(10.5, 10.5, W - 21, H - 21, 14, 14);
        l.setFill(Color.DIMGRAY);
        l.setFont(Font.font("System", FontWeight.BOLD, 12));
        l.fillText("GLOBAL RUN QUEUE", 20, 28);
        return l;
    }

    private double width(String text, Font f) {
        measure.setText(text);
        measure.setFont(f);
        return measure.getLayoutBounds().getWidth();
    }

    private static List<Op> randomOps(Random rnd, int n) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(randomOp(rnd));
        }
        return ops;
    }

    private static Op randomOp(Random rnd) {
        Color[] colours = {Color.CRIMSON, Color.SEAGREEN, Color.ROYALBLUE, Color.GOLDENROD, Color.BLACK};
        Style s = new Style(colours[rnd.nextInt(colours.length)], colours[rnd.nextInt(colours.length)],
                0.5 + rnd.nextInt(8) / 2.0, rnd.nextInt(3) == 0 ? new double[] {5, 4} : null,
                StrokeLineCap.values()[rnd.nextInt(3)], Font.font("System",
                rnd.nextBoolean() ? FontWeight.BOLD : FontWeight.NORMAL, 9 + rnd.nextInt(20)),
                TextAlignment.values()[rnd.nextInt(3)], new VPos[] {VPos.CENTER, VPos.BASELINE, VPos.TOP}[rnd.nextInt(3)],
                rnd.nextInt(4) == 0 ? 0.3 + rnd.nextDouble() * 0.6 : 1);
        double x = rnd.nextDouble() * (W + 40) - 20;
        double y = rnd.nextDouble() * (H + 40) - 20;
        double w = 1 + rnd.nextDouble() * 120;
        double h = 1 + rnd.nextDouble() * 60;
        String[] texts = {"running G7", "M12", "held by M3, blocked in a syscall", "WWMM", "0", "no thread holds this P"};
        return new Op(rnd.nextInt(8), x, y, w, h, s, texts[rnd.nextInt(texts.length)]);
    }

    /** About half the calls kept as they were, the rest moved, restyled, dropped or new: an event's change. */
    private static List<Op> mutate(Random rnd, List<Op> ops) {
        List<Op> out = new ArrayList<>();
        for (Op op : ops) {
            int r = rnd.nextInt(10);
            if (r < 6) {
                out.add(op);
            } else if (r < 7) {
                out.add(new Op(op.kind, op.x + rnd.nextInt(40) - 20, op.y + rnd.nextInt(20) - 10, op.w, op.h,
                        op.style, op.text));
            } else if (r < 8) {
                out.add(randomOp(rnd));
            } else if (r < 9) {
                out.add(op);
                out.add(randomOp(rnd));
            }
        }
        return out;
    }

    private DrawList record(List<Op> ops) {
        DrawList l = new DrawList(this::width);
        for (Op op : ops) {
            Style s = op.style;
            l.setFill(s.fill);
            l.setStroke(s.stroke);
            l.setLineWidth(s.width);
            l.setLineDashes(s.dashes);
            l.setLineCap(s.cap);
            l.setFont(s.font);
            l.setTextAlign(s.align);
            l.setTextBaseline(s.baseline);
            l.setGlobalAlpha(s.alpha);
            switch (op.kind) {
                case 0 -> l.fillRect(op.x, op.y, op.w, op.h);
                case 1 -> l.fillRoundRect(op.x, op.y, op.w, op.h, 10, 10);
                case 2 -> l.strokeRoundRect(op.x, op.y, op.w, op.h, 12, 12);
                case 3 -> l.strokeOval(op.x, op.y, op.w, op.h);
                case 4 -> l.strokeLine(op.x, op.y, op.x + op.w, op.y + op.h - 30);
                case 5 -> l.fillText(op.text, op.x, op.y);
                case 6 -> l.fillText(op.text, op.x, op.y, op.w);
                default -> l.drawImage(sprite, op.x, op.y, 20 + op.w / 10, 20 + op.w / 10);
            }
        }
        return l;
    }

    /** Draws over a few random places of {@code c}, as a frame's moving tokens do; returns those places. */
    private List<Rect> scribble(Random rnd, Canvas c) {
        List<Rect> out = new ArrayList<>();
        for (int i = rnd.nextInt(4); i >= 0; i--) {
            double x = rnd.nextDouble() * W;
            double y = rnd.nextDouble() * H;
            c.getGraphicsContext2D().setGlobalAlpha(1);
            c.getGraphicsContext2D().drawImage(sprite, x, y, 24, 24);
            out.add(new Rect(x - 2, y - 2, 28, 28));
        }
        return out;
    }

    private static void paintEverything(Canvas c, DrawList still, DrawList state) {
        still.replay(c.getGraphicsContext2D(), null);
        state.replay(c.getGraphicsContext2D(), null);
    }

    private static WritableImage snapshot(Canvas c, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return c.snapshot(p, null);
    }

    private static void assertSamePixels(Image a, Image b, String where) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int differ = 0;
        String first = null;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    if (first == null) {
                        first = x + "," + y + ": " + Integer.toHexString(ra.getArgb(x, y)) + " vs "
                                + Integer.toHexString(rb.getArgb(x, y));
                    }
                    differ++;
                }
            }
        }
        assertThat(differ).as("pixels that differ (%s), first at %s", where, first).isZero();
    }
}
