package org.synapseworkbench.data;

import java.util.Arrays;

import org.synapseworkbench.work.UserException;

/**
 * Voxels that training crops should cover more often than a uniform draw would, such as the voxels a person corrected:
 * with probability {@code share} a crop is placed so that one of them, drawn uniformly, lies in the crop's output
 * part; otherwise the crop is drawn as usual. Voxels are linear indices {@code (z * height + y) * width + x} of
 * training volume {@code volume}.
 */
public record SamplingFocus(int volume, long[] voxels, double share) {
    public SamplingFocus {
        if (!(share >= 0 && share <= 1)) {
            throw new UserException("The share of crops on corrected voxels must lie in 0..1, but is " + share + ".");
        }
        if (voxels.length == 0) {
            throw new UserException("There are no corrected voxels to sample more often; paint a correction first.");
        }
        voxels = voxels.clone();
    }

    /** The focus voxels without repeats, in ascending order. */
    public static long[] distinct(long[] voxels) {
        return Arrays.stream(voxels).sorted().distinct().toArray();
    }
}
