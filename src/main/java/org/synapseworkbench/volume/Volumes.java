package org.synapseworkbench.volume;

import java.util.Arrays;

import org.synapseworkbench.work.UserException;

/** Checks that span several volumes. */
public final class Volumes {
    private Volumes() {
    }

    /** Fails with one clear sentence when a label volume does not cover its image voxel for voxel. */
    public static void requireSameShape(Volume image, Volume labels) {
        if (!Arrays.equals(image.spatialShape(), labels.spatialShape())) {
            throw new UserException("Image " + image.name() + " has shape " + Arrays.toString(image.spatialShape())
                    + " (z, y, x) but labels " + labels.name() + " have " + Arrays.toString(labels.spatialShape())
                    + "; pair each image with the label volume made for it.");
        }
    }
}
