package dev.curtain.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;

/**
 * An animated GIF with the JDK's own writer: every frame kept, looping forever. GIF delays are whole hundredths
 * of a second, so each frame's delay is rounded against the running total: at 30 fps the delays go 3, 4, 3 ... and
 * the animation lasts exactly as long as the frames at that rate. With {@code mergeRepeats}, a frame identical to the
 * one before is not written again but lengthens that one's delay: a held cue costs one image, not seventy-five.
 */
public final class GifSink implements FrameSink {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private final Path out;
    private final int width;
    private final int height;
    private final int fps;
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final boolean mergeRepeats;
    /** Frames given so far, and where the pending (not yet written) image started. */
    private int frames;
    private int pendingStart;
    private byte[] pending;

    public GifSink(Path out, int width, int height, int fps, boolean mergeRepeats) throws IOException {
        this.mergeRepeats = mergeRepeats;
        this.out = out;
        this.width = width;
        this.height = height;
        this.fps = fps;
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        writer = it.next();
        Files.deleteIfExists(out);
        stream = ImageIO.createImageOutputStream(out.toFile());
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    /** The delay of frames {@code from} (inclusive) to {@code to} (exclusive) at {@code fps}, in hundredths of a second. */
    public static int delayCentis(int from, int to, int fps) {
        return (int) (Math.round(to * 100.0 / fps) - Math.round(from * 100.0 / fps));
    }

    @Override
    public void accept(byte[] bgra) throws IOException {
        if (pending != null && !(mergeRepeats && Arrays.equals(pending, bgra))) {
            writePending();
        }
        if (pending == null) {
            // the exporter reuses its buffers, so keep a copy until the image is written
            pending = bgra.clone();
            pendingStart = frames;
        }
        frames++;
    }

    private void writePending() throws IOException {
        BufferedImage img = Pixels.rgb(pending, width, height);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        configure(meta, delayCentis(pendingStart, frames, fps), pendingStart == 0);
        writer.writeToSequence(new IIOImage(img, null, meta), param);
        pending = null;
    }

    private static void configure(IIOMetadata meta, int delay, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delay));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            // NETSCAPE2.0 with a loop count of 0: play forever
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void finish() throws IOException {
        if (pending != null) {
            writePending();
        }
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // already failing or cancelled: the partial file is removed by the caller
        }
        writer.dispose();
    }
}
