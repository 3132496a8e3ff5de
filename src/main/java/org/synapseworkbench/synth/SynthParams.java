package org.synapseworkbench.synth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What to generate: size in voxels (z, y, x) at 40 x 4 x 4 nm, the seed, how densely synapses are placed and
 * which EM defects to add.
 *
 * @param synapsesPerCubicMicron synapse density; real cortex has about 1, the default is higher so that a small
 *                               sample holds enough synapses to learn from
 */
public record SynthParams(int[] size, long seed, double synapsesPerCubicMicron, Set<Defect> defects) {
    /** Voxel size (z, y, x) in nm, as in CREMI. */
    public static final double[] RESOLUTION = {40, 4, 4};
    /** The built-in sample's size: generated in a few seconds, large enough to train the demo models on. */
    public static final int[] SAMPLE_SIZE = {32, 320, 320};

    /** Imaging defects the generator can add. */
    public enum Defect {
        /** Shot noise on every voxel. */
        NOISE,
        /** Brightness and contrast drifting from section to section. */
        DRIFT,
        /** One interior section lost (nearly blank). */
        MISSING,
        /** The sections from one interior section on shifted in y and x. */
        MISALIGNED;

        public static Set<Defect> parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("none") || t.isEmpty()) {
                return EnumSet.noneOf(Defect.class);
            }
            if (t.equals("all")) {
                return EnumSet.allOf(Defect.class);
            }
            EnumSet<Defect> out = EnumSet.noneOf(Defect.class);
            for (String part : t.split(",")) {
                try {
                    out.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown defect '" + part.trim()
                            + "'; use none, all or a comma list of noise, drift, missing, misaligned");
                }
            }
            return out;
        }
    }

    public SynthParams {
        if (size.length != 3) {
            throw new IllegalArgumentException("size needs three numbers z,y,x, got " + Arrays.toString(size));
        }
        if (size[0] < 4 || size[1] < 32 || size[2] < 32) {
            throw new IllegalArgumentException("size " + Arrays.toString(size) + " is too small; use at least 4,32,32 (z,y,x)");
        }
        if ((long) size[0] * size[1] * size[2] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size " + Arrays.toString(size) + " holds more than 2^31 voxels; generate "
                    + "several smaller volumes");
        }
        if (!(synapsesPerCubicMicron > 0)) {
            throw new IllegalArgumentException("synapse density must be positive");
        }
        size = size.clone();
        defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    /** Defaults: noise and section drift, 8 synapses per cubic micron. */
    public static SynthParams of(int[] size, long seed) {
        return new SynthParams(size, seed, 8.0, EnumSet.of(Defect.NOISE, Defect.DRIFT));
    }

    public SynthParams withDefects(Set<Defect> d) {
        return new SynthParams(size, seed, synapsesPerCubicMicron, d);
    }

    public SynthParams withDensity(double perCubicMicron) {
        return new SynthParams(size, seed, perCubicMicron, defects);
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    public boolean has(Defect d) {
        return defects.contains(d);
    }
}
