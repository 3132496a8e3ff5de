package org.synapseworkbench.proofread;

import java.util.Arrays;

/**
 * One change to a label volume, as a person made it (a brush stroke, an erased instance, a merge): the voxels it
 * changed, as linear indices (z, y, x, row-major) in ascending order, with their values before and after. Voxels it
 * would have set to the value they had are not in it.
 *
 * @param what what the person did, for the undo menu and the journal ("paint cleft 12", "erase 7")
 */
public record LabelEdit(String what, long[] voxels, long[] before, long[] after) {
    public LabelEdit {
        if (voxels.length != before.length || voxels.length != after.length) {
            throw new IllegalArgumentException("an edit needs one before and one after value per voxel");
        }
    }

    public int size() {
        return voxels.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelEdit e && what.equals(e.what) && Arrays.equals(voxels, e.voxels)
                && Arrays.equals(before, e.before) && Arrays.equals(after, e.after);
    }

    @Override
    public int hashCode() {
        return 31 * what.hashCode() + Arrays.hashCode(voxels);
    }

    @Override
    public String toString() {
        return what + " (" + voxels.length + " voxels)";
    }
}
