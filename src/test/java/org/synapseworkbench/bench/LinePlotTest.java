package org.synapseworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart benchmarks write: a PNG whose curves sit where their values say. */
class LinePlotTest {
    @TempDir
    Path dir;

    @Test
    void curvesAreDrawnAtTheirValues() throws Exception {
        Path png = dir.resolve("sub/plot.png");
        double[] x = {0, 50, 100};
        LinePlot.write(png, "title", "items", "F1", List.of(
                new LinePlot.Series("half", new Color(200, 0, 0), x, new double[] {0.5, 0.5, 0.5}, null, false),
                new LinePlot.Series("rising", new Color(0, 0, 200), x, new double[] {0, 0.5, 1}, null, false)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth());
        assertEquals(600, img.getHeight());
        // the plot area is x 80..930, y 60..530 (y = 1 at the top): y 0.5 is row 295; x 25 is column 80 + 850 / 4
        Color half = new Color(img.getRGB(80 + 850 / 4, 295));
        assertTrue(half.getRed() > 150 && half.getBlue() < 80, "the flat curve at 0.5: " + half);
        Color rising = new Color(img.getRGB(80 + 850 / 4, 530 - 470 / 4));
        assertTrue(rising.getBlue() > 150 && rising.getRed() < 80, "the rising curve at 0.25: " + rising);
        Color blank = new Color(img.getRGB(80 + 850 / 4, 180));
        assertTrue(blank.getRed() > 200 && blank.getGreen() > 200 && blank.getBlue() > 200, "nothing drawn at 0.75 there: " + blank);
        assertEquals(20.0, LinePlot.niceStep(12.5));
        assertEquals(5.0, LinePlot.niceStep(5));
    }
}
