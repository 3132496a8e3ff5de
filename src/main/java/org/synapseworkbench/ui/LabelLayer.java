package org.synapseworkbench.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import org.synapseworkbench.volume.Block;
import org.synapseworkbench.volume.Cremi;
import org.synapseworkbench.volume.Volume;

/**
 * A label volume drawn over the image: clefts in red; polarity with pre-synaptic ids (odd, 2n-1) in magenta and
 * post-synaptic ids (even, 2n) in cyan. Background is 0 and CREMI's no-cleft and ignore values.
 */
final class LabelLayer {
    /** How ids become colours. */
    enum Kind {
        CLEFTS, POLARITY
    }

    static final int RED = 0xFF0000;
    static final int MAGENTA = 0xFF00FF;
    static final int CYAN = 0x00FFFF;

    private final String name;
    private final Volume labels;
    private final Kind kind;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.5);

    LabelLayer(String name, Volume labels, Kind kind) {
        this.name = name;
        this.labels = labels;
        this.kind = kind;
    }

    String name() {
        return name;
    }

    Volume labels() {
        return labels;
    }

    Kind kind() {
        return kind;
    }

    BooleanProperty visibleProperty() {
        return visible;
    }

    DoubleProperty opacityProperty() {
        return opacity;
    }

    /** The RGB colour of an id, or -1 for background. */
    int colour(long id) {
        if (id == 0 || id == Cremi.NO_CLEFT || id == Cremi.IGNORE) {
            return -1;
        }
        if (kind == Kind.CLEFTS) {
            return RED;
        }
        return (id & 1) == 1 ? MAGENTA : CYAN;
    }

    /** Blends this layer's section {@code section} (shape (1, y, x)) over the opaque ARGB pixels. */
    void blend(Block section, int[] argb) {
        double a = Math.max(0, Math.min(1, opacity.get()));
        int n = section.size();
        for (int i = 0; i < n; i++) {
            int c = colour(section.getLong(i));
            if (c >= 0) {
                argb[i] = mix(argb[i], c, a);
            }
        }
    }

    /** {@code (1 - a) * base + a * colour} per channel, opaque. */
    static int mix(int base, int colour, double a) {
        int r = (int) Math.round(((base >> 16) & 0xFF) * (1 - a) + ((colour >> 16) & 0xFF) * a);
        int g = (int) Math.round(((base >> 8) & 0xFF) * (1 - a) + ((colour >> 8) & 0xFF) * a);
        int b = (int) Math.round((base & 0xFF) * (1 - a) + (colour & 0xFF) * a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
