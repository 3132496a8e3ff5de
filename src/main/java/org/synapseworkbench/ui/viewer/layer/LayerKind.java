package org.synapseworkbench.ui.viewer.layer;

import java.util.List;
import java.util.Locale;

import org.synapseworkbench.volume.Cremi;

/**
 * What kind of volume a layer draws, and everything that differs between kinds in one place: a voxel's colour, the
 * legend, where the layer is stacked, how a value reads under the cursor, and which kinds a layer may switch to. The
 * viewer, the View tab and the panels ask the kind instead of switching on it; a new kind is a new constant here.
 */
public enum LayerKind {
    /** Every id red. */
    CLEFTS("clefts", 3) {
        @Override
        int idColour(long id, int tint) {
            return LabelLayer.RED;
        }

        @Override
        public List<Swatch> legend(int tint) {
            return List.of(new Swatch(LabelLayer.RED, "cleft"));
        }
    },
    /** Odd ids (pre, 2n-1) magenta, even ids (post, 2n) cyan. */
    POLARITY("polarity", 2) {
        @Override
        int idColour(long id, int tint) {
            return (id & 1) == 1 ? LabelLayer.MAGENTA : LabelLayer.CYAN;
        }

        @Override
        public List<Swatch> legend(int tint) {
            return List.of(new Swatch(LabelLayer.MAGENTA, "pre (2n-1)"), new Swatch(LabelLayer.CYAN, "post (2n)"));
        }
    },
    /** Each id its own colour from a colour table, so touching instances stay apart. */
    INSTANCES("instances", 1) {
        @Override
        int idColour(long id, int tint) {
            return LabelLayer.instanceColour(id);
        }

        @Override
        public List<Swatch> legend(int tint) {
            return List.of(new Swatch(LabelLayer.instanceColour(1), null), new Swatch(LabelLayer.instanceColour(2), null),
                    new Swatch(LabelLayer.instanceColour(3), "an instance each"));
        }
    },
    /** Probability x 255, in the layer's tint, under every labels layer. */
    PROBABILITY("probability", 0) {
        @Override
        int idColour(long id, int tint) {
            return tint;
        }

        @Override
        public List<Swatch> legend(int tint) {
            return List.of(new Swatch(tint, "probability"));
        }

        @Override
        public boolean holdsIds() {
            return false;
        }

        @Override
        public int colour(long value, int tint) {
            return value > 0 ? tint : -1;
        }

        @Override
        public String describe(long value) {
            return String.format(Locale.ROOT, "%.2f", value / 255.0);
        }
    };

    /** A colour of the legend (RGB) and what it stands for (null: a colour of a series, named by the last one). */
    public record Swatch(int rgb, String text) {
    }

    private final String title;
    private final int stack;

    LayerKind(String title, int stack) {
        this.title = title;
        this.stack = stack;
    }

    /** The colour of an id that is not background. */
    abstract int idColour(long id, int tint);

    /** The legend the View tab shows beside the layer's name. */
    public abstract List<Swatch> legend(int tint);

    /** The name people see: "clefts". */
    public String title() {
        return title;
    }

    /** Layers are drawn from the lowest value up: probabilities, instances, polarity, clefts (a cleft stays red). */
    public int stackOrder() {
        return stack;
    }

    /** Whether voxels hold ids (labels), which can be painted, reviewed and switched between id kinds. */
    public boolean holdsIds() {
        return true;
    }

    /** The RGB colour of a value, or -1 for background: 0 and CREMI's no-cleft and ignore values for ids. */
    public int colour(long value, int tint) {
        return value == 0 || value == Cremi.NO_CLEFT || value == Cremi.IGNORE ? -1 : idColour(value, tint);
    }

    /** A value as the cursor line shows it: an id, "-" for background, or a probability. */
    public String describe(long value) {
        return colour(value, 0) < 0 ? "-" : Long.toUnsignedString(value);
    }

    /** The kinds a layer of this kind may be switched to in the View tab. */
    public List<LayerKind> alternatives() {
        return holdsIds() ? List.of(CLEFTS, POLARITY, INSTANCES) : List.of(this);
    }

    /** How a labels dataset is drawn at first, from its name (the View tab can change it). */
    public static LayerKind ofDataset(String dataset) {
        String d = dataset.toLowerCase(Locale.ROOT);
        if (d.contains("polarity") || d.contains("synapse")) {
            return POLARITY;
        }
        if (d.contains("neuron") || d.contains("instance") || d.contains("segment") || d.contains("ids")) {
            return INSTANCES;
        }
        return CLEFTS;
    }
}
