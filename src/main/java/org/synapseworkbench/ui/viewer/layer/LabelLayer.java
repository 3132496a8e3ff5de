package org.synapseworkbench.ui.viewer.layer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Volume;

/**
 * A volume drawn over the image. Labels: clefts in red; polarity with pre-synaptic ids (odd, 2n-1) in magenta and
 * post-synaptic ids (even, 2n) in cyan; background is 0 and CREMI's no-cleft and ignore values; filled, or only their
 * outlines (ground truth over a prediction, so misses stand out). Probability maps (8-bit, probability x 255) in
 * their tint, faded by the probability, or solid where it reaches a threshold.
 */
public final class LabelLayer {
    public static final int RED = 0xFF0000;
    /** How much lighter a corrected voxel's colour is (toward white), and how opaque at least. */
    public static final double EDIT_LIGHTER = 0.45;
    public static final double EDIT_OPACITY = 0.8;
    public static final int MAGENTA = 0xFF00FF;
    public static final int CYAN = 0x00FFFF;
    public static final int YELLOW = 0xFFFF00;

    private final String name;
    private final Volume labels;
    private final ObjectProperty<LayerKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final int tint;
    private final Origin origin;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.5);
    private final BooleanProperty outline = new SimpleBooleanProperty(this, "outline", false);
    /** For probability maps: 0 fades by probability, above 0 shows solid where the probability reaches it. */
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0);

    /** Where a layer's volume comes from. */
    public enum Origin {
        /** Opened from a file: labels made by people (ground truth) or by another program. */
        OPENED,
        /** Made by a model in this window: probabilities and the instances cut from them. */
        PREDICTED
    }

    public LabelLayer(String name, Volume labels, LayerKind kind) {
        this(name, labels, kind, kind == LayerKind.POLARITY ? MAGENTA : RED);
    }

    /** A layer of any kind opened from a file; {@code tint} (RGB) colours probability maps. */
    public LabelLayer(String name, Volume labels, LayerKind kind, int tint) {
        this(name, labels, kind, tint, Origin.OPENED);
    }

    /** A layer of any kind and origin. */
    public LabelLayer(String name, Volume labels, LayerKind kind, int tint, Origin origin) {
        this.name = name;
        this.labels = labels;
        this.kind.set(kind);
        this.tint = tint;
        this.origin = origin;
    }

    public Origin origin() {
        return origin;
    }

    public String name() {
        return name;
    }

    public Volume labels() {
        return labels;
    }

    public LayerKind kind() {
        return kind.get();
    }

    /** The colouring; labels may switch between clefts, polarity and instances (not to or from probabilities). */
    public ObjectProperty<LayerKind> kindProperty() {
        return kind;
    }

    public int tint() {
        return tint;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public BooleanProperty outlineProperty() {
        return outline;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The RGB colour of a value, or -1 for background (probability maps: the tint where above 0). */
    int colour(long id) {
        return kind.get().colour(id, tint);
    }

    /**
     * The colour table of instances: hues a golden angle apart for successive ids (neighbouring ids, which
     * connected components give to nearby objects, differ most), full saturation alternating with three quarters.
     */
    public static int instanceColour(long id) {
        // multiplying by 2^64 / golden ratio spreads successive ids (uint64 included) a golden angle apart
        double hue = ((id * 0x9E3779B97F4A7C15L) >>> 11) / 0x1p53;
        double sat = (id & 1) == 0 ? 1.0 : 0.75;
        int h = (int) (hue * 6);
        double f = hue * 6 - h;
        double p = 1 - sat;
        double q = 1 - sat * f;
        double t = 1 - sat * (1 - f);
        double[] rgb = switch (h % 6) {
            case 0 -> new double[] {1, t, p};
            case 1 -> new double[] {q, 1, p};
            case 2 -> new double[] {p, 1, t};
            case 3 -> new double[] {p, q, 1};
            case 4 -> new double[] {t, p, 1};
            default -> new double[] {1, p, q};
        };
        return (int) Math.round(rgb[0] * 255) << 16 | (int) Math.round(rgb[1] * 255) << 8 | (int) Math.round(rgb[2] * 255);
    }

    /** A value as the cursor line shows it: an id, "-" for background, or a probability. */
    public String describe(long value) {
        return kind.get().describe(value);
    }

    /** Blends this layer's section {@code section} (shape (1, y, x)) over the opaque ARGB pixels, one per voxel. */
    public void blend(Block section, int[] argb) {
        blend(section, section.dim(section.rank() - 1), argb, style());
    }

    /** How the layer looks, read at once on the JavaFX thread for a render thread to draw with. */
    public record Style(LayerKind kind, double opacity, double threshold, boolean outline) {
    }

    public Style style() {
        return new Style(kind.get(), opacity.get(), threshold.get(), outline.get());
    }

    /**
     * Blends the voxels of a frame's block (row-major, {@code w} wide, one voxel per pixel) over the opaque ARGB pixels
     * of the frame, with the look of {@code style}.
     */
    public void blend(Block section, int w, int[] argb, Style style) {
        blend(section, w, argb, style, null, 0);
    }

    /**
     * As {@link #blend(Block, int, int[], Style)}, with the voxels a person corrected (places {@code corrected[0 ..
     * count - 1]} in the block) in a paler tint of their colour, solid: truth is outlined, a prediction filled, a
     * correction pale and solid. Costs the corrections in view only, not another pass over the frame.
     */
    public void blend(Block section, int w, int[] argb, Style style, int[] corrected, int count) {
        int[] under = new int[count];
        for (int i = 0; i < count; i++) {
            under[i] = argb[corrected[i]];
        }
        double a = Math.max(0, Math.min(1, style.opacity()));
        long[] ids = section.type() == org.synapseworkbench.volume.DataType.UINT64
                || section.type() == org.synapseworkbench.volume.DataType.INT64 ? section.longs() : null;
        double t = style.threshold();
        int cut = (int) Math.ceil(t * 255);
        boolean edges = style.outline();
        LayerKind colouring = style.kind();
        boolean probability = !colouring.holdsIds();
        int n = section.size();
        for (int p = 0; p < n; p++) {
            long v = ids != null ? ids[p] : section.getLong(p);
            if (probability) {
                if (t > 0 ? v >= cut : v > 0) {
                    argb[p] = mix(argb[p], tint, t > 0 ? a : a * v / 255.0);
                }
                continue;
            }
            int c = colouring.colour(v, tint);
            if (c >= 0 && (!edges || onEdge(section, p, w, v))) {
                argb[p] = mix(argb[p], c, edges ? Math.max(a, 0.85) : a);
            }
        }
        for (int i = 0; i < count; i++) {
            int p = corrected[i];
            int c = colouring.colour(section.getLong(p), tint);
            argb[p] = c < 0 ? under[i] : mix(under[i], mix(c, 0xFFFFFF, EDIT_LIGHTER), Math.max(a, EDIT_OPACITY));
        }
    }

    /** Whether a voxel has a 4-neighbour in the section with another id, or lies on the section's border. */
    private static boolean onEdge(Block section, int i, int w, long id) {
        int n = section.size();
        int x = i % w;
        return x == 0 || x == w - 1 || i < w || i >= n - w || section.getLong(i - 1) != id
                || section.getLong(i + 1) != id || section.getLong(i - w) != id || section.getLong(i + w) != id;
    }
    /** {@code (1 - a) * base + a * colour} per channel, opaque. */
    public static int mix(int base, int colour, double a) {
        int r = (int) Math.round(((base >> 16) & 0xFF) * (1 - a) + ((colour >> 16) & 0xFF) * a);
        int g = (int) Math.round(((base >> 8) & 0xFF) * (1 - a) + ((colour >> 8) & 0xFF) * a);
        int b = (int) Math.round((base & 0xFF) * (1 - a) + (colour & 0xFF) * a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
