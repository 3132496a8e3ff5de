package org.synapseworkbench.data;

import java.util.List;

/**
 * Network-ready arrays for one step: the normalised image ((x - MEAN) / STD of values in [0, 1]) as
 * (N, 1, Z, Y, X), one target array per TARGET_OPT as (N, C, Z, Y, X), and per target and loss the
 * per-voxel weights (null where WEIGHT_OPT is "0").
 */
public record Batch(long index, int samples, int[] size, float[] image, List<float[]> targets,
        List<List<float[]>> weights) {
}
