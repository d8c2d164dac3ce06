package dev.underlay.racks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes pixels (ARGB, row by row, as a snapshot of the canvas gives them) to a PNG file, through a temporary file
 * beside it and a rename, so an interrupted export leaves no half-written picture. Blocking: on a worker.
 */
public final class ElevationPng {
    private ElevationPng() {
    }

    public static void write(Path file, int width, int height, int[] argb) throws IOException {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this Java");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
