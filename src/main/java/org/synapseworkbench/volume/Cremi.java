package org.synapseworkbench.volume;

/** The CREMI challenge's file layout and label conventions. */
public final class Cremi {
    private Cremi() {
    }

    public static final String RAW = "volumes/raw";
    public static final String CLEFTS = "volumes/labels/clefts";
    public static final String NEURON_IDS = "volumes/labels/neuron_ids";
    /** Not part of CREMI: our generator's pre (2k-1) / post (2k) labels, stored beside the clefts. */
    public static final String POLARITY = "volumes/labels/polarity";

    /** "No cleft" in a CREMI cleft volume: 0xFFFFFFFFFFFFFFFF. */
    public static final long NO_CLEFT = 0xFFFFFFFFFFFFFFFFL;
    /** "Ignore" in a CREMI cleft volume: 0xFFFFFFFFFFFFFFFE. */
    public static final long IGNORE = 0xFFFFFFFFFFFFFFFEL;

    /** True for a voxel that belongs to a cleft (neither background, no-cleft nor ignore). */
    public static boolean isCleft(long v) {
        return v != 0 && v != NO_CLEFT && v != IGNORE;
    }
}
