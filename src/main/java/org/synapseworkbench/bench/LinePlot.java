package org.synapseworkbench.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.synapseworkbench.work.AtomicFiles;

/**
 * A line chart as a PNG (AWT, headless): series of (x, y) points over x from 0 to the largest x and y from 0 to 1, with
 * a grid, axis labels and a legend. Benchmarks draw their curves with it so that docs can show them.
 */
final class LinePlot {
    /** One curve; a {@code band} (low and high y per point, or null) is shaded behind it. */
    record Series(String name, Color color, double[] x, double[] y, double[][] band, boolean dashed) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private LinePlot() {
    }

    /** Draws the series and writes the PNG to {@code file} atomically (a temporary file renamed into place). */
    static void write(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double maxX = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).max().orElse(1);
            maxX = Math.max(1, maxX);
            int w = WIDTH - LEFT - RIGHT;
            int h = HEIGHT - TOP - BOTTOM;
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            for (int k = 0; k <= 10; k++) { // y grid every 0.1
                int y = TOP + h - k * h / 10;
                g.setColor(new Color(225, 225, 225));
                g.drawLine(LEFT, y, LEFT + w, y);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, "%.1f", k / 10.0);
                g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
            }
            double step = niceStep(maxX / 8);
            for (double v = 0; v <= maxX + 1e-9; v += step) {
                int x = LEFT + (int) Math.round(v / maxX * w);
                g.setColor(new Color(225, 225, 225));
                g.drawLine(x, TOP, x, TOP + h);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, step >= 1 ? "%.0f" : "%.1f", v);
                g.drawString(s, x - fm.stringWidth(s) / 2, TOP + h + fm.getAscent() + 6);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(LEFT, TOP, w, h);
            g.drawString(xLabel, LEFT + (w - fm.stringWidth(xLabel)) / 2, HEIGHT - 22);
            var old = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(TOP + (h + fm.stringWidth(yLabel)) / 2), 24);
            g.setTransform(old);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, TOP - 24);
            for (Series s : series) {
                if (s.band() == null) {
                    continue;
                }
                Path2D area = new Path2D.Double();
                for (int i = 0; i < s.x().length; i++) {
                    double px = LEFT + s.x()[i] / maxX * w;
                    double py = TOP + h - s.band()[i][1] * h;
                    if (i == 0) {
                        area.moveTo(px, py);
                    } else {
                        area.lineTo(px, py);
                    }
                }
                for (int i = s.x().length - 1; i >= 0; i--) {
                    area.lineTo(LEFT + s.x()[i] / maxX * w, TOP + h - s.band()[i][0] * h);
                }
                area.closePath();
                g.setColor(new Color(s.color().getRed(), s.color().getGreen(), s.color().getBlue(), 50));
                g.fill(area);
            }
            for (Series s : series) {
                Path2D line = new Path2D.Double();
                for (int i = 0; i < s.x().length; i++) {
                    double px = LEFT + s.x()[i] / maxX * w;
                    double py = TOP + h - s.y()[i] * h;
                    if (i == 0) {
                        line.moveTo(px, py);
                    } else {
                        line.lineTo(px, py);
                    }
                }
                g.setColor(s.color());
                g.setStroke(stroke(s));
                g.draw(line);
            }
            g.setFont(small);
            int ly = TOP + h - 16 - 22 * (series.size() - 1);
            for (Series s : series) { // legend at the lower right, inside the frame
                int lx = LEFT + w - 20 - series.stream().mapToInt(t -> fm.stringWidth(t.name())).max().orElse(0) - 40;
                g.setColor(s.color());
                g.setStroke(stroke(s));
                g.drawLine(lx, ly - 4, lx + 30, ly - 4);
                g.setColor(Color.DARK_GRAY);
                g.drawString(s.name(), lx + 38, ly);
                ly += 22;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        if (file.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        }
        AtomicFiles.writeBytes(file, bytes.toByteArray(), true);
    }

    private static BasicStroke stroke(Series s) {
        return s.dashed() ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0)
                : new BasicStroke(2.5f);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
