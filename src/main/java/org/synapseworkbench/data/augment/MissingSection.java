package org.synapseworkbench.data.augment;

import java.util.SplittableRandom;

/**
 * PyTC's {@code MissingSection}: deletes NUM_SECTION distinct interior slices (never the first or the last) from
 * image and labels, so depth shrinks by NUM_SECTION. A crop with fewer than NUM_SECTION interior slices is left as
 * it is. Needs NUM_SECTION more slices in z. Draws: NUM_SECTION ints (the slices).
 */
public final class MissingSection extends BaseAugmentation {
    public static final String NAME = "MISSINGSECTION";

    private final int sections;

    public MissingSection(double p, int sections) {
        super(NAME, p);
        if (sections < 0) {
            throw new IllegalArgumentException("NUM_SECTION must be >= 0, got " + sections);
        }
        this.sections = sections;
    }

    @Override
    public int[] inputSizeFor(int[] outputSize) {
        return new int[]{outputSize[0] + sections, outputSize[1], outputSize[2]};
    }

    @Override
    public Crop apply(Crop crop, SplittableRandom rng) {
        int d = crop.depth();
        if (sections == 0 || d - 2 < sections) {
            return crop;
        }
        int[] gone = Geometry.choose(1, d - 1, sections, rng);
        boolean[] drop = new boolean[d];
        for (int z : gone) {
            drop[z] = true;
        }
        return remove(crop, drop);
    }

    /** The crop without the slices marked in {@code drop}. */
    static Crop remove(Crop crop, boolean[] drop) {
        int d = crop.depth();
        int slice = crop.height() * crop.width();
        int kept = 0;
        for (boolean b : drop) {
            kept += b ? 0 : 1;
        }
        float[] img = new float[kept * slice];
        long[][] labs = new long[crop.labelCount()][kept * slice];
        int o = 0;
        for (int z = 0; z < d; z++) {
            if (drop[z]) {
                continue;
            }
            System.arraycopy(crop.image(), z * slice, img, o, slice);
            for (int l = 0; l < labs.length; l++) {
                System.arraycopy(crop.label(l), z * slice, labs[l], o, slice);
            }
            o += slice;
        }
        return new Crop(new int[]{kept, crop.height(), crop.width()}, img, labs);
    }
}
