package dev.curtain.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** Reads an animated GIF's frame delays back, for tests. */
public final class GifDelays {
    private GifDelays() {
    }

    /** The delay (hundredths of a second) of every image in a GIF, in order. */
    public static List<Integer> of(Path gif) throws IOException {
        List<Integer> out = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0");
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        out.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
                    }
                }
            }
        } finally {
            reader.dispose();
        }
        return out;
    }

}
