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
        return isObject(v);
    }

    /**
     * True for the id of an object (a cleft, a synapse side, an instance): neither 0 nor CREMI's no-cleft and ignore
     * values. Every reader of label ids asks this, so a CREMI file's background is never taken for an object.
     */
    public static boolean isObject(long id) {
        return id != 0 && id != NO_CLEFT && id != IGNORE;
    }

    /**
     * The background value of a label volume: {@link #NO_CLEFT} for uint64 labels whose first section holds more
     * no-cleft voxels than zeros (a CREMI cleft file, or polarity written in its layout), otherwise 0.
     */
    public static long background(Volume labels) {
        if (labels.type() != DataType.UINT64) {
            return 0;
        }
        Block first = labels.readSection(0);
        long noCleft = 0;
        long zero = 0;
        for (int i = 0; i < first.size(); i++) {
            long v = first.getLong(i);
            if (v == NO_CLEFT) {
                noCleft++;
            } else if (v == 0) {
                zero++;
            }
        }
        return noCleft > zero ? NO_CLEFT : 0;
    }

    /** The id, or 0 for background of either convention (0, no-cleft) and for ignore. */
    public static long objectOrZero(long id) {
        return isObject(id) ? id : 0;
    }
}
